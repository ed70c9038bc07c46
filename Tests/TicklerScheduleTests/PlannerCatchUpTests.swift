import Testing
import TicklerCalendar
import TicklerSchedule

/// Catch-up after downtime: for each obligation and due instant, only the latest missed stage fires.
@Suite("Planner catch-up")
struct PlannerCatchUpTests {
    private typealias Support = TestSupport

    static let agreement = Support.obligation(
        "agreement",
        every: Period(1, .year),
        start: "2027-06-30T08:00",
        leads: [Period(30, .day), Period(7, .day), Period(1, .day)],
        overdue: Period(1, .day)
    )
    static let schedule = Schedule(obligations: [agreement])
    static let longAgo = ["agreement": Support.instant("2020-01-01T00:00:00Z")]

    private func missed(after: String, through: String, firstSeen: [String: Instant] = longAgo) -> [String] {
        Planner.missedEvents(
            in: Self.schedule,
            after: Support.instant(after),
            through: Support.instant(through),
            firstSeen: firstSeen
        ).map { "\($0.stageKey) \(Support.hanoi.zoned($0.fireAt).local)" }
    }

    @Test("stopped from before the 7-day reminder until 3 days overdue: only overdue-3 fires")
    func latestStageOnly() {
        #expect(
            missed(after: "2027-06-20T00:00:00+07:00", through: "2027-07-03T09:00:00+07:00") == [
                "overdue-3 2027-07-03T08:00:00"
            ]
        )
    }

    @Test("stopped across a reminder only: that reminder fires")
    func reminderOnly() {
        #expect(
            missed(after: "2027-06-20T00:00:00+07:00", through: "2027-06-25T00:00:00+07:00") == [
                "remind-7d 2027-06-23T08:00:00"
            ]
        )
    }

    @Test("nothing missed when the checkpoint is after the latest stage")
    func nothingMissed() {
        #expect(missed(after: "2027-07-03T08:00:00+07:00", through: "2027-07-03T20:00:00+07:00").isEmpty)
    }

    @Test("first-seen bounds the window and the due times; unknown obligations missed nothing")
    func firstSeenBound() {
        let after = "2027-06-20T00:00:00+07:00"
        let now = "2027-07-03T09:00:00+07:00"
        // The occurrence due before first-seen is history: its overdue repeat after first-seen is not missed.
        #expect(
            missed(after: after, through: now, firstSeen: ["agreement": Support.instant("2027-07-02T12:00:00+07:00")])
                .isEmpty
        )
        #expect(
            missed(after: after, through: now, firstSeen: ["agreement": Support.instant("2027-06-29T12:00:00+07:00")])
                == ["overdue-3 2027-07-03T08:00:00"]
        )
        #expect(
            missed(after: after, through: now, firstSeen: ["agreement": Support.instant("2027-07-03T08:30:00+07:00")])
                .isEmpty
        )
        #expect(missed(after: after, through: now, firstSeen: [:]).isEmpty)
    }

    @Test("repeats end after 30 days: a year of downtime gives overdue-30 for that due date, then the next year's")
    func longDowntime() {
        #expect(
            missed(after: "2027-06-01T00:00:00+07:00", through: "2028-06-10T00:00:00+07:00") == [
                "overdue-30 2027-07-30T08:00:00", "remind-30d 2028-05-31T08:00:00",
            ]
        )
    }

    @Test("one event per due instant, in fire order, over several obligations")
    func severalDues() {
        let daily = Support.obligation(
            "daily",
            every: Period(1, .day),
            start: "2027-01-01T08:00",
            overdue: Period(6, .hour)
        )
        let weekly = Support.obligation(
            "weekly",
            every: Period(1, .week),
            start: "2027-01-04T08:00",
            leads: [Period(2, .day)]
        )
        let schedule = Schedule(obligations: [daily, weekly])
        let since = Instant(secondsSinceEpoch: 0)
        let events = Planner.missedEvents(
            in: schedule,
            after: Support.instant("2027-01-09T00:00:00+07:00"),
            through: Support.instant("2027-01-12T09:00:00+07:00"),
            firstSeen: ["daily": since, "weekly": since]
        )
        // Every daily due instant of the last 30 days still has overdue repeats: each gives its latest one, all at
        // 08:00 on the 12th; the weekly one's due time on the 11th replaces its reminder of the 9th.
        let dailyEvents =
            (1...11).map { "daily overdue-\(4 * (12 - $0)) 2027-01-12T08:00:00" } + ["daily due 2027-01-12T08:00:00"]
        #expect(
            events.map { "\($0.obligationID) \($0.stageKey) \(Support.hanoi.zoned($0.fireAt).local)" }
                == ["weekly due 2027-01-11T08:00:00"] + dailyEvents
        )
        #expect(Set(events.map { "\($0.obligationID) \($0.due)" }).count == events.count)
    }

    @Test("the catch-up events agree with the planner: per due instant its last event, then per stage the last one")
    func agreesWithPlanner() {
        let schedule = PlannerReferenceTests.schedule
        let checkpoint = Support.instant("2027-01-15T00:00:00Z")
        let now = Support.instant("2027-02-20T06:00:00Z")
        var firstSeen: [String: Instant] = [:]
        for id in schedule.ids { firstSeen[id] = Instant(secondsSinceEpoch: 0) }
        var planner = Planner(schedule: schedule, after: checkpoint)
        let popped = planner.popEvents(through: now)
        let expected = Self.catchUpRule(popped, in: schedule, after: checkpoint, through: now)
        let missed = Planner.missedEvents(in: schedule, after: checkpoint, through: now, firstSeen: firstSeen)
        #expect(missed == expected)
        #expect(missed.count < popped.count / 10, "the window is busy: most events collapse")
        #expect(missed.count <= schedule.obligations.map(TestSupport.stageCount).reduce(0, +), "one per stage at most")
    }

    /// The catch-up rule applied to every event of the window (`lower`, `now`], by brute force: for each obligation
    /// and due instant the last event; and for an obligation with more than ``Planner/catchUpDueLimit`` due instants
    /// whose stages reach into the window, of those for each stage the one with the latest due instant. In fire
    /// order, then file order, then due instant.
    static func catchUpRule(
        _ events: [ReminderEvent],
        in schedule: Schedule,
        after lower: Instant,
        through now: Instant
    ) -> [ReminderEvent] {
        var perDue: [String: ReminderEvent] = [:]
        for event in events { perDue["\(event.obligationID)|\(event.due)"] = event }
        var kept: [ReminderEvent] = []
        for obligation in schedule.obligations {
            let latest = perDue.values.filter { $0.obligationID == obligation.id }
            let step = obligation.overdueEvery.microseconds ?? 0
            let lastOffset = step > 0 ? ReminderStage.overdueWindowMicroseconds / step * step : 0
            let firstOffset = -(obligation.reminderLeads.first?.microseconds ?? 0)
            let reach = obligation.recurrence.occurrences(
                after: lower.adding(microseconds: -lastOffset),
                limit: Planner.catchUpDueLimit + 1
            )
            .filter { $0 <= now.adding(microseconds: -firstOffset) }
            guard reach.count > Planner.catchUpDueLimit else {
                kept += latest
                continue
            }
            var perStage: [String: ReminderEvent] = [:]
            for event in latest {
                if let other = perStage[event.stageKey], other.due > event.due { continue }
                perStage[event.stageKey] = event
            }
            kept += perStage.values
        }
        return kept.sorted {
            ($0.fireAt, schedule.index(of: $0.obligationID)!, $0.due) < (
                $1.fireAt, schedule.index(of: $1.obligationID)!, $1.due
            )
        }
    }
}
