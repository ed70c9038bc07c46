import Testing
import TicklerCalendar
import TicklerSchedule
import TicklerTestKit

/// The planner against a brute-force enumeration of the contract, on schedules with overlapping events.
@Suite("Planner against brute force")
struct PlannerReferenceTests {
    private typealias Support = TestSupport

    /// Every event of `schedule` firing in (`after`, `through`], by the contract: per due instant D, D − lead for
    /// each lead, D, and D + k · overdue-every while k · overdue-every ≤ 30 days; sorted by fire time, then file order,
    /// then due instant, then stage.
    static func reference(_ schedule: Schedule, after: Instant, through: Instant) -> [ReminderEvent] {
        var found: [(event: ReminderEvent, index: Int, stage: Int)] = []
        let day: Int64 = 86_400_000_000
        for (index, obligation) in schedule.obligations.enumerated() {
            var stages: [(ReminderStage, Int64)] = obligation.reminderLeads.map {
                (.reminder(lead: $0), -$0.microseconds!)
            }
            stages.append((.due, 0))
            if let step = obligation.overdueEvery.microseconds, step > 0 {
                var k: Int64 = 1
                while k * step <= 30 * day {
                    stages.append((.overdue(Int(k)), k * step))
                    k += 1
                }
            }
            // Every due instant whose events can reach the window: from 30 days (the last overdue repeat) before
            // it to the longest lead after it.
            let longestLead = obligation.reminderLeads.first?.microseconds ?? 0
            var dues = obligation.recurrence.occurrences(after: after.adding(seconds: -30 * 86_400 - 1))
            while let due = dues.next(), due <= through.adding(microseconds: longestLead) {
                for (position, (stage, offset)) in stages.enumerated() {
                    let fire = due.adding(microseconds: offset)
                    guard fire > after, fire <= through else { continue }
                    found.append(
                        (
                            ReminderEvent(obligationID: obligation.id, due: due, stage: stage, fireAt: fire), index,
                            position
                        )
                    )
                }
            }
        }
        found.sort {
            ($0.event.fireAt, $0.index, $0.event.due, $0.stage) < ($1.event.fireAt, $1.index, $1.event.due, $1.stage)
        }
        return found.map(\.event)
    }

    /// Obligations whose events overlap: leads longer than the interval, dense overdue repeats, ends, one-offs.
    static let schedule = Schedule(obligations: [
        Support.obligation(
            "daily-30d-lead",
            every: Period(1, .day),
            start: "2027-01-01T08:00",
            leads: [Period(30, .day), Period(1, .day)],
            overdue: Period(1, .day)
        ),
        Support.obligation(
            "hourly-dense",
            every: Period(3, .hour),
            start: "2027-01-01T00:30",
            leads: [Period(5, .hour)],
            overdue: Period(20, .hour)
        ),
        Support.obligation(
            "weekly-ending",
            every: Period(1, .week),
            start: "2027-01-04T09:00",
            until: "2027-03-01T00:00",
            leads: [Period(10, .day), Period(90, .minute)],
            overdue: Period(2, .day)
        ),
        Support.obligation(
            "monthly-31st",
            every: Period(1, .month),
            start: "2027-01-31T17:00",
            leads: [Period(45, .day)],
            overdue: Period(1, .week)
        ),
        Support.obligation(
            "one-off",
            every: Period(1, .year),
            start: "2027-02-14T08:00",
            until: "2027-02-14T08:00",
            leads: [Period(7, .day)],
            overdue: Period(6, .hour)
        ),
        Support.obligation("same-times", every: Period(1, .day), start: "2027-01-01T08:00"),
    ])

    @Test(
        "popping gives exactly the brute-force events, in the same order",
        arguments: ["2027-01-01T00:00:00Z", "2027-01-20T13:17:00+07:00", "2027-02-14T08:00:00+07:00"]
    )
    func matchesReference(after: String) {
        let start = Support.instant(after)
        let end = start.adding(seconds: 75 * 86_400)
        var planner = Planner(schedule: Self.schedule, after: start)
        let popped = planner.popEvents(through: end)
        let expected = Self.reference(Self.schedule, after: start, through: end)
        #expect(popped.count == expected.count)
        #expect(popped == expected)
        #expect(popped.count > 1000, "the window is busy enough to mean something")
        #expect(planner.nextFireInstant.map { $0 > end } ?? true)
    }

    @Test(
        "re-created from a checkpoint, the planner neither repeats nor skips an event",
        arguments: [[5, 17, 17, 40], [1, 2, 3, 4, 5, 6, 7, 8, 9], [30]]
    )
    func recreation(cutDays: [Int]) {
        let start = Support.instant("2027-01-10T00:00:00Z")
        let end = start.adding(seconds: 50 * 86_400)
        var uninterrupted = Planner(schedule: Self.schedule, after: start)
        let expected = uninterrupted.popEvents(through: end)

        // Checkpoints fall on event times (an hour's worth of events fires, then the daemon restarts) and between them.
        var fired: [ReminderEvent] = []
        var checkpoint = start
        var planner = Planner(schedule: Self.schedule, after: checkpoint)
        for day in cutDays {
            let cut = start.adding(seconds: Int64(day) * 86_400 + 3600)
            let batch = planner.popEvents(through: cut)
            fired += batch
            checkpoint = batch.last?.fireAt ?? cut
            planner = Planner(schedule: Self.schedule, after: checkpoint)
        }
        fired += planner.popEvents(through: end)
        #expect(fired == expected)
        #expect(Set(fired.map { "\($0.obligationID)|\($0.due)|\($0.stageKey)" }).count == fired.count)
    }

    /// A seeded random schedule of 3–6 obligations whose events overlap: periods from 20 minutes to a week, leads
    /// up to 45 days (mostly longer than the period), overdue repeats from every 6 hours to none, some ending.
    static func randomSchedule(seed: UInt64) -> Schedule {
        var generator = SeededRandom(seed: seed)
        let periods = [
            Period(20, .minute), Period(1, .hour), Period(3, .hour), Period(7, .hour), Period(1, .day),
            Period(2, .day), Period(1, .week),
        ]
        let leads = [
            Period(30, .minute), Period(5, .hour), Period(1, .day), Period(3, .day), Period(10, .day),
            Period(45, .day),
        ]
        let overdue = [Period.zero, Period(6, .hour), Period(1, .day), Period(3, .day), Period(10, .day)]
        let count = Int.random(in: 3...6, using: &generator)
        return Schedule(
            obligations: (0..<count).map { index in
                let day = Int.random(in: 1...28, using: &generator)
                let hour = Int.random(in: 0...23, using: &generator)
                let start = "2027-01-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):15"
                return Support.obligation(
                    "random-\(index)",
                    every: periods.randomElement(using: &generator)!,
                    start: start,
                    until: Bool.random(using: &generator) ? "2027-02-20T00:00" : nil,
                    leads: Array(leads.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))),
                    overdue: overdue.randomElement(using: &generator)!
                )
            }
        )
    }

    @Test("random overlapping schedules: popping gives exactly the brute-force events", arguments: 1...12)
    func randomSchedules(seed: UInt64) {
        let schedule = Self.randomSchedule(seed: seed)
        var generator = SeededRandom(seed: seed &* 7919)
        let start = Support.instant("2027-02-10T00:00:00Z").adding(
            seconds: Int64.random(in: 0...864_000, using: &generator)
        )
        let end = start.adding(seconds: 3 * 86_400)
        var planner = Planner(schedule: schedule, after: start)
        let popped = planner.popEvents(through: end)
        #expect(popped == Self.reference(schedule, after: start, through: end))
        #expect(planner.queuedCount <= schedule.obligations.map(Support.stageCount).reduce(0, +))
    }

    @Test("random overlapping schedules: the catch-up is the rule applied to the brute-force events", arguments: 1...12)
    func randomCatchUp(seed: UInt64) {
        let schedule = Self.randomSchedule(seed: seed)
        var generator = SeededRandom(seed: seed &* 104_729)
        let checkpoint = Support.instant("2027-02-01T00:00:00Z")
            .adding(seconds: Int64.random(in: 0...1_728_000, using: &generator))
        let now = checkpoint.adding(seconds: Int64.random(in: 60...(5 * 86_400), using: &generator))
        var firstSeen: [String: Instant] = [:]
        for id in schedule.ids { firstSeen[id] = Instant(secondsSinceEpoch: 0) }
        let expected = PlannerCatchUpTests.catchUpRule(
            Self.reference(schedule, after: checkpoint, through: now),
            in: schedule,
            after: checkpoint,
            through: now
        )
        #expect(Planner.missedEvents(in: schedule, after: checkpoint, through: now, firstSeen: firstSeen) == expected)
    }
}
