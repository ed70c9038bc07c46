import Testing
import TicklerCalendar
import TicklerSchedule

/// Bounded work: the queue, the recurrence queries of a build, a pop and a catch-up do not grow with the number of
/// due instants inside a lead time or the overdue window.
@Suite("Planner bounds")
struct PlannerBoundsTests {
    private typealias Support = TestSupport

    /// 2028-06-01 00:00 in Hanoi, a second boundary of the every-second obligations.
    static let now = Support.instant("2028-06-01T00:00:00+07:00")

    /// Every second with a 365-day reminder and daily overdue repeats: 32 stages, 31.5 million due instants in flight.
    static func everySecond(_ id: String = "every-second") -> (Obligation, CountingRecurrence<EveryRecurrence>.Counter)
    {
        Support.counted(
            id,
            every: Period(1, .second),
            start: "2027-01-01T00:00",
            leads: [Period(365, .day)],
            overdue: Period(1, .day)
        )
    }

    /// The 32 events of the every-second obligation firing at `instant`, in fire order (oldest due instant first).
    static func eventsAt(_ instant: Instant, id: String = "every-second") -> [String] {
        let day: Int64 = 86_400
        return (1...30).reversed().map { "\(id) overdue-\($0) due \(instant.adding(seconds: -Int64($0) * day))" }
            + ["\(id) due due \(instant)", "\(id) remind-365d due \(instant.adding(seconds: 365 * day))"]
    }

    /// `id stage due D`, for comparing with ``eventsAt(_:id:)``.
    static func compact(_ events: [ReminderEvent]) -> [String] {
        events.map { "\($0.obligationID) \($0.stageKey) due \($0.due)" }
    }

    @Test("every second with a 365-day lead: one queue entry per stage, a bounded build, exact events")
    func everySecondWithAYearOfLead() {
        let (obligation, counter) = Self.everySecond()
        var planner = Planner(schedule: Schedule(obligations: [obligation]), after: Self.now)
        #expect(planner.queuedCount <= Support.stageCount(obligation))
        #expect(counter.count <= 4 * Support.stageCount(obligation), "a few queries per run, not one per due instant")

        let built = counter.count
        var fired: [ReminderEvent] = []
        for second in 1...3 { fired += planner.popEvents(through: Self.now.adding(seconds: Int64(second))) }
        #expect(Self.compact(fired) == (1...3).flatMap { Self.eventsAt(Self.now.adding(seconds: Int64($0))) })
        #expect(fired.allSatisfy { $0.fireAt.microseconds(since: Self.now) % 1_000_000 == 0 })
        #expect(counter.count - built <= 2 * fired.count, "at most one query (one occurrence) per pop")
        #expect(planner.queuedCount <= Support.stageCount(obligation))
    }

    @Test("on-calendar every second: starts with one entry per stage and fires each second")
    func onCalendarEverySecond() throws {
        let schedule = try Support.load(
            """
            [[obligation]]
            id = "tick"
            title = "Tick"
            on-calendar = "*:*:*"
            timezone = "UTC"
            remind = ["1h"]
            overdue-every = "0"
            """
        )
        let start = Support.instant("2030-01-01T00:00:00Z")
        var planner = Planner(schedule: schedule, after: start)
        #expect(planner.queuedCount == 2)
        let events = planner.popEvents(through: start.adding(seconds: 2))
        #expect(
            events.map { "\($0.stageKey) \($0.due)" } == [
                "due 2030-01-01T00:00:01+00:00", "remind-1h 2030-01-01T01:00:01+00:00",
                "due 2030-01-01T00:00:02+00:00", "remind-1h 2030-01-01T01:00:02+00:00",
            ]
        )
    }

    @Test("overdue every second on a yearly obligation: two runs, not 2.6 million entries")
    func denseOverdueRepeats() {
        let (obligation, counter) = Support.counted(
            "yearly",
            every: Period(1, .year),
            start: "2027-06-30T08:00",
            leads: [Period(7, .day)],
            overdue: Period(1, .second)
        )
        let after = Support.instant("2027-07-10T08:00:00+07:00")
        var planner = Planner(schedule: Schedule(obligations: [obligation]), after: after)
        #expect(Support.stageCount(obligation) == 2 + 2_592_000)
        #expect(planner.queuedCount == 2)
        #expect(counter.count < 10)
        let events = planner.popEvents(through: after.adding(seconds: 2))
        #expect(events.map(\.stageKey) == ["overdue-864001", "overdue-864002"])
    }

    @Test("a day of downtime of the every-second obligation: 32 events caught up, with a bounded number of queries")
    func catchUpIsBounded() {
        let (obligation, counter) = Self.everySecond()
        let schedule = Schedule(obligations: [obligation])
        let checkpoint = Self.now.adding(seconds: -86_400)
        let events = Planner.missedEvents(
            in: schedule,
            after: checkpoint,
            through: Self.now,
            firstSeen: [obligation.id: Instant(secondsSinceEpoch: 0)]
        )
        // Per stage the latest due instant whose latest stage it is: all at `now`, one per stage.
        #expect(Self.compact(events) == Self.eventsAt(Self.now))
        #expect(counter.count <= 32 * 80, "a bounded bisection per stage, not 2.8 million events")
    }

    @Test(
        "the catch-up rule, by brute force over every event of a short downtime",
        arguments: [1, 7, 120]
    )
    func catchUpMatchesTheRule(seconds: Int) {
        let (obligation, _) = Self.everySecond()
        let (other, _) = Support.counted(
            "minutely",
            every: Period(1, .minute),
            start: "2027-01-01T00:00:30",
            leads: [Period(2, .hour), Period(90, .second)],
            overdue: Period(1, .hour)
        )
        let schedule = Schedule(obligations: [obligation, other])
        let checkpoint = Self.now.adding(seconds: -Int64(seconds))
        var planner = Planner(schedule: schedule, after: checkpoint)
        let popped = planner.popEvents(through: Self.now)
        let expected = PlannerCatchUpTests.catchUpRule(popped, in: schedule, after: checkpoint, through: Self.now)
        let firstSeen = [obligation.id: Instant(secondsSinceEpoch: 0), other.id: Instant(secondsSinceEpoch: 0)]
        let missed = Planner.missedEvents(in: schedule, after: checkpoint, through: Self.now, firstSeen: firstSeen)
        #expect(missed == expected)
        #expect(!missed.isEmpty)
    }

    @Test("a wake-up a month late catches up instead of popping a month of events, then plans as if built then")
    func lateWakeUp() {
        let (obligation, counter) = Self.everySecond()
        let (second, _) = Self.everySecond("every-second-too")
        let schedule = Schedule(obligations: [obligation, second])
        var planner = Planner(schedule: schedule, after: Self.now)
        let late = Self.now.adding(seconds: 30 * 86_400)
        let before = counter.count
        let events = planner.advance(to: late)
        #expect(Self.compact(events) == Self.eventsAt(late) + Self.eventsAt(late, id: "every-second-too"))
        #expect(counter.count - before <= 32 * 80 + 4 * 32)
        let fresh = Planner(schedule: schedule, after: late)
        #expect(planner.upcoming(limit: 200) == fresh.upcoming(limit: 200))
        #expect(planner.queuedCount <= 2 * Support.stageCount(obligation))
    }

    @Test("a wake-up less than a minute late pops every event one by one")
    func slightlyLateWakeUp() {
        let (obligation, _) = Self.everySecond()
        let schedule = Schedule(obligations: [obligation])
        var planner = Planner(schedule: schedule, after: Self.now)
        var reference = planner
        let events = planner.advance(to: Self.now.adding(seconds: 59))
        let popped = reference.popEvents(through: Self.now.adding(seconds: 59))
        #expect(events == popped)
        #expect(events.count == 59 * 32)
    }
}
