import Testing
import TicklerCalendar
import TicklerSchedule

/// 100,000 obligations: the planner builds, pops in order, and keeps its queue at one entry per obligation.
@Suite("Planner at scale")
struct PlannerScaleTests {
    @Test("100,000 every-obligations: build the planner and pop 300,000 events in fire order")
    func hundredThousand() {
        let zone = TestSupport.hanoi
        let count = 100_000
        let periods: [Period] = [
            Period(1, .day), Period(1, .week), Period(1, .month), Period(1, .year), Period(2, .week),
        ]
        var obligations: [Obligation] = []
        obligations.reserveCapacity(count)
        for index in 0..<count {
            let period = periods[index % periods.count]
            let start = LocalDateTime(
                date: CivilDate(daysSinceEpoch: 20_000 + index % 365),
                time: TimeOfDay(unchecked: index % 24, (index / 24) % 60, 0)
            )
            obligations.append(
                Obligation(
                    id: "obligation-\(index)",
                    title: "Nghĩa vụ số \(index)",
                    zone: zone,
                    recurrence: EveryRecurrence(start: start, period: period, zone: zone),
                    recurrenceDescription: "every \(period) from \(start)",
                    reminderLeads: [Period(7, .day)],
                    overdueEvery: Period(1, .day),
                    source: SourceLocation(file: "generated.toml", line: index + 1)
                )
            )
        }
        let schedule = Schedule(obligations: obligations)
        let after = TestSupport.instant("2026-11-29T00:00:00Z")
        var planner = Planner(schedule: schedule, after: after)
        #expect(planner.queuedCount >= count)

        var previous = after
        var inOrder = true
        var duesAtDueTime = true
        var identities = Set<String>()
        var popped = 0
        var perObligation = [Int](repeating: 0, count: count)
        while popped < 300_000, let event = planner.popNext() {
            popped += 1
            inOrder = inOrder && event.fireAt >= previous
            previous = event.fireAt
            duesAtDueTime = duesAtDueTime && (event.stage != .due || event.fireAt == event.due)
            let index = schedule.index(of: event.obligationID)!
            perObligation[index] += 1
            if index % 1000 == 0 { identities.insert("\(event.obligationID)|\(event.due)|\(event.stageKey)") }
        }
        #expect(popped == 300_000)
        #expect(inOrder)
        #expect(duesAtDueTime)
        #expect(perObligation.filter { $0 > 0 }.count > count / 10)
        #expect(identities.count == stride(from: 0, to: count, by: 1000).map { perObligation[$0] }.reduce(0, +))
        // Queue size stays bounded by the due instants in flight, not by the events popped.
        #expect(planner.queuedCount < 40 * count)
    }
}
