import Testing
import TicklerCalendar
import TicklerSchedule

/// The planner: fire order, reminder leads, overdue repeats, ends, and agreement with a brute-force enumeration.
@Suite("Planner")
struct PlannerTests {
    private typealias Support = TestSupport

    /// Pops every event firing at or before `through`.
    private func events(_ planner: inout Planner, through: String) -> [ReminderEvent] {
        planner.popEvents(through: Support.instant(through))
    }

    /// `stageKey@fire` in Hanoi time, compact for expectations.
    private func compact(_ events: [ReminderEvent]) -> [String] {
        events.map { "\($0.obligationID) \($0.stageKey) \(Support.hanoi.zoned($0.fireAt).local)" }
    }

    @Test("a one-off deadline: reminders longest lead first, the due time, then daily overdue repeats for 30 days")
    func once() {
        let deadline = Support.obligation(
            "deadline",
            every: Period(1, .year),
            start: "2027-06-30T08:00",
            until: "2027-06-30T08:00",
            leads: [Period(1, .day), Period(30, .day), Period(7, .day)],
            overdue: Period(1, .day)
        )
        var planner = Planner(
            schedule: Schedule(obligations: [deadline]),
            after: Support.instant("2027-01-01T00:00:00Z")
        )
        let all = events(&planner, through: "2028-01-01T00:00:00Z")
        #expect(
            compact(Array(all.prefix(5))) == [
                "deadline remind-30d 2027-05-31T08:00:00", "deadline remind-7d 2027-06-23T08:00:00",
                "deadline remind-1d 2027-06-29T08:00:00", "deadline due 2027-06-30T08:00:00",
                "deadline overdue-1 2027-07-01T08:00:00",
            ]
        )
        #expect(all.count == 3 + 1 + 30)
        #expect(compact([all.last!]) == ["deadline overdue-30 2027-07-30T08:00:00"])
        #expect(all.allSatisfy { $0.due == Support.instant("2027-06-30T08:00:00+07:00") })
        #expect(planner.nextEvent == nil)
        #expect(planner.nextFireInstant == nil)
        #expect(planner.popNext() == nil)
    }

    @Test(
        "overdue cadence stops at due + 30 days",
        arguments: [
            (Period(1, .day), 30), (Period(1, .week), 4), (Period(12, .hour), 60), (Period(30, .day), 1),
            (Period(31, .day), 0), (Period.zero, 0), (Period(7, .hour), 102),
        ]
    )
    func overdueCadence(every: Period, expectedRepeats: Int) {
        let obligation = Support.obligation(
            "x",
            every: Period(1, .year),
            start: "2027-06-30T08:00",
            until: "2027-06-30T08:00",
            overdue: every
        )
        var planner = Planner(
            schedule: Schedule(obligations: [obligation]),
            after: Support.instant("2027-01-01T00:00:00Z")
        )
        let overdue = events(&planner, through: "2030-01-01T00:00:00Z").filter { $0.stage != .due }
        #expect(overdue.count == expectedRepeats)
        for (index, event) in overdue.enumerated() {
            #expect(event.stage == .overdue(index + 1))
            #expect(event.fireAt.microseconds(since: event.due) == Int64(index + 1) * every.microseconds!)
            #expect(event.fireAt.microseconds(since: event.due) <= 30 * 86_400 * 1_000_000)
        }
    }

    @Test("events of several obligations come in fire order; equal fire times keep file order")
    func ordering() {
        let yearly = Support.obligation(
            "yearly",
            every: Period(1, .year),
            start: "2027-03-01T08:00",
            leads: [Period(2, .day)]
        )
        let monthly = Support.obligation("monthly", every: Period(1, .month), start: "2027-01-27T08:00")
        let same = Support.obligation("same", every: Period(1, .year), start: "2027-03-01T08:00")
        var planner = Planner(
            schedule: Schedule(obligations: [yearly, monthly, same]),
            after: Support.instant("2027-02-01T00:00:00Z")
        )
        #expect(
            compact(events(&planner, through: "2027-03-01T08:00:00+07:00")) == [
                "yearly remind-2d 2027-02-27T08:00:00", "monthly due 2027-02-27T08:00:00",
                "yearly due 2027-03-01T08:00:00", "same due 2027-03-01T08:00:00",
            ]
        )
    }

    @Test("after is exclusive: an event at exactly `after` is taken as processed")
    func exclusiveBound() {
        let obligation = Support.obligation(
            "x",
            every: Period(1, .day),
            start: "2027-01-01T08:00",
            leads: [Period(1, .hour)]
        )
        let planner = Planner(
            schedule: Schedule(obligations: [obligation]),
            after: Support.instant("2027-01-05T08:00:00+07:00")
        )
        #expect(planner.nextEvent?.stage == .reminder(lead: Period(1, .hour)))
        #expect(planner.nextEvent?.due == Support.instant("2027-01-06T08:00:00+07:00"))
        #expect(planner.nextFireInstant == Support.instant("2027-01-06T07:00:00+07:00"))
    }

    @Test("first-seen: nothing at or before the moment an obligation was first seen")
    func firstSeen() {
        let obligation = Support.obligation(
            "x",
            every: Period(1, .month),
            start: "2027-01-10T08:00",
            leads: [Period(7, .day)],
            overdue: Period(1, .day)
        )
        var planner = Planner(
            schedule: Schedule(obligations: [obligation]),
            after: Support.instant("2027-01-01T00:00:00Z"),
            firstSeen: ["x": Support.instant("2027-02-05T09:00:00+07:00")]
        )
        let first = events(&planner, through: "2027-02-10T08:00:00+07:00")
        // January's due time came before first-seen: it is history, and its overdue repeats after first-seen are
        // not planned (issue 9). February's due time is; its 7-day reminder (3 February) came before first-seen.
        #expect(compact(first) == ["x due 2027-02-10T08:00:00"])
        #expect(first.first?.stage == .due)
    }

    @Test("queue holds one entry per run of stages waiting at the same due instant, not per begun due instant")
    func queueSize() {
        let daily = Support.obligation(
            "daily",
            every: Period(1, .day),
            start: "2027-01-01T08:00",
            leads: [Period(30, .day)]
        )
        let yearly = Support.obligation("yearly", every: Period(1, .year), start: "2027-01-01T08:00")
        let planner = Planner(
            schedule: Schedule(obligations: [daily, yearly]),
            after: Support.instant("2027-06-01T00:00:00Z")
        )
        // The daily one has 30 due instants whose reminder has fired and whose due time has not: its due stage waits
        // at the first of them, its 30-day reminder at the one 30 days on — two runs, not 31 entries. The yearly one
        // has one run.
        #expect(planner.queuedCount == 2 + 1)
        #expect(planner.upcoming(limit: 3).count == 3)
        #expect(planner.queuedCount == 3, "upcoming leaves the planner as it was")
    }

    @Test("an obligation that ends (until) stops; the others go on")
    func ending() {
        let ends = Support.obligation(
            "ends",
            every: Period(1, .week),
            start: "2027-01-04T08:00",
            until: "2027-01-18T08:00"
        )
        let goes = Support.obligation("goes", every: Period(1, .month), start: "2027-01-01T08:00")
        var planner = Planner(
            schedule: Schedule(obligations: [ends, goes]),
            after: Support.instant("2027-01-01T00:00:00Z")
        )
        let all = events(&planner, through: "2027-12-31T00:00:00Z")
        #expect(all.filter { $0.obligationID == "ends" && $0.stage == .due }.count == 3)
        #expect(all.filter { $0.obligationID == "goes" && $0.stage == .due }.count == 12)
        #expect(Set(all.map { "\($0.obligationID) \($0.due) \($0.stageKey)" }).count == all.count)
    }

    @Test("an empty schedule plans nothing")
    func empty() {
        var planner = Planner(schedule: .empty, after: Instant(secondsSinceEpoch: 0))
        #expect(planner.nextEvent == nil)
        #expect(planner.popEvents(through: Instant(secondsSinceEpoch: 1 << 40)).isEmpty)
    }
}
