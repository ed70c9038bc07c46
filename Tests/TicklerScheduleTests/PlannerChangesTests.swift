import Testing
import TicklerCalendar
import TicklerSchedule
import TicklerTestKit

/// A planner that can change: remove an obligation's events, remove one occurrence's, add a one-off event.
@Suite("Planner changes")
struct PlannerChangesTests {
    private typealias Support = TestSupport

    static let schedule = PlannerReferenceTests.schedule
    static let start = Support.instant("2027-01-20T00:00:00Z")
    static let end = start.adding(seconds: 40 * 86_400)

    /// Every event of the window, by brute force.
    static var all: [ReminderEvent] { PlannerReferenceTests.reference(schedule, after: start, through: end) }

    @Test("removing an occurrence drops all its stages, also ones already under way, and nothing else")
    func removeOccurrence() throws {
        var planner = Planner(schedule: Self.schedule, after: Self.start)
        let cut = Self.start.adding(seconds: 5 * 86_400)
        let before = planner.popEvents(through: cut)
        // Occurrences whose events are under way at the cut (a 30-day reminder fired, the due time to come; overdue
        // repeats going on) and one whose first event is still to come.
        let underWay = try #require(before.last { $0.obligationID == "daily-30d-lead" && $0.due > cut })
        let repeating = try #require(before.last { $0.obligationID == "hourly-dense" && $0.due < cut })
        let future = try #require(Self.all.first { $0.obligationID == "monthly-31st" && $0.fireAt > cut })
        let removed = [underWay, repeating, future].map { "\($0.obligationID)|\($0.due)" }
        let queued = planner.queuedCount
        for event in [underWay, repeating, future] {
            let found = planner.removeOccurrence(of: event.obligationID, due: event.due)
            #expect(found)
        }
        #expect(planner.queuedCount <= queued + 3, "each removal adds at most one entry")
        let after = planner.popEvents(through: Self.end)
        let expected = Self.all.filter { $0.fireAt > cut && !removed.contains("\($0.obligationID)|\($0.due)") }
        #expect(after == expected)
        #expect(after.count < Self.all.count - before.count)
        let unknown = planner.removeOccurrence(of: "no-such-obligation", due: cut)
        #expect(!unknown)
    }

    @Test("removing an obligation's events leaves the others; a one-off added afterwards still fires")
    func removeObligation() {
        var planner = Planner(schedule: Self.schedule, after: Self.start)
        let cut = Self.start.adding(seconds: 86_400)
        _ = planner.popEvents(through: cut)
        let found = planner.removeEvents(of: "daily-30d-lead")
        #expect(found)
        let snooze = ReminderEvent(
            obligationID: "daily-30d-lead",
            due: Support.instant("2027-02-01T08:00:00+07:00"),
            stage: .due,
            fireAt: cut.adding(seconds: 3600)
        )
        let added = planner.add(snooze)
        #expect(added)
        #expect(planner.nextEvent == snooze || planner.nextFireInstant! < snooze.fireAt)
        let after = planner.popEvents(through: Self.end)
        #expect(after.filter { $0.obligationID == "daily-30d-lead" } == [snooze])
        #expect(
            after.filter { $0 != snooze } == Self.all.filter { $0.fireAt > cut && $0.obligationID != "daily-30d-lead" }
        )
        let unknown = planner.removeEvents(of: "no-such-obligation")
        #expect(!unknown)
    }

    @Test("a one-off event fires once at its instant, in order; removing its occurrence or obligation drops it")
    func oneOffs() throws {
        let once = Support.obligation(
            "once",
            every: Period(1, .year),
            start: "2027-03-01T08:00",
            until: "2027-03-01T08:00",
            leads: [Period(1, .day)]
        )
        let due = Support.instant("2027-03-01T08:00:00+07:00")
        let horizon = due.adding(seconds: 40 * 86_400)
        var planner = Planner(schedule: Schedule(obligations: [once]), after: Self.start)
        let snoozed = ReminderEvent(obligationID: "once", due: due, stage: .due, fireAt: due.adding(seconds: 7200))
        let added = planner.add(snoozed)
        #expect(added)
        #expect(planner.oneOffCount == 1)
        var copy = planner
        let fired = copy.popEvents(through: horizon)
        #expect(fired.map(\.stageKey) == ["remind-1d", "due", "due"])
        #expect(fired.last == snoozed)
        let again = copy.popEvents(through: horizon)
        #expect(again.isEmpty)

        var removedOccurrence = planner
        removedOccurrence.removeOccurrence(of: "once", due: due)
        let none = removedOccurrence.popEvents(through: horizon)
        #expect(none.isEmpty)
        #expect(removedOccurrence.oneOffCount == 0)

        var removedObligation = planner
        removedObligation.removeEvents(of: "once")
        #expect(removedObligation.nextEvent == nil)
        let nothing = removedObligation.popEvents(through: horizon)
        #expect(nothing.isEmpty)

        // A snooze is "remove the occurrence, add it again later": the one-off added after the removal fires.
        var snoozing = planner
        snoozing.removeOccurrence(of: "once", due: due)
        let later = ReminderEvent(obligationID: "once", due: due, stage: .due, fireAt: due.adding(seconds: 86_400))
        snoozing.add(later)
        let snoozed2 = snoozing.popEvents(through: horizon)
        #expect(snoozed2 == [later])
        let unknown = planner.add(ReminderEvent(obligationID: "nobody", due: due, stage: .due, fireAt: due))
        #expect(!unknown)
    }

    @Test("removing an occurrence costs a bounded number of queries, whatever the stages")
    func removalIsCheap() {
        let (obligation, counter) = Support.counted(
            "dense",
            every: Period(1, .second),
            start: "2027-01-01T00:00",
            leads: [Period(365, .day)],
            overdue: Period(1, .day)
        )
        let now = PlannerBoundsTests.now
        var planner = Planner(schedule: Schedule(obligations: [obligation]), after: now)
        let before = counter.count
        for offset in [-86_400, -1, 0, 1, 86_400 * 200] {
            planner.removeOccurrence(of: "dense", due: now.adding(seconds: Int64(offset)))
        }
        #expect(counter.count - before <= 5 * 2 * 2)
        let events = planner.popEvents(through: now.adding(seconds: 2))
        let removedDue = [now.adding(seconds: 1)]
        #expect(events.count == 2 * 32 - 1)
        #expect(!events.contains { removedDue.contains($0.due) })
        #expect(events.contains { $0.due == now.adding(seconds: 2) && $0.stage == .due })
    }

    @Test("random removals and one-offs against the brute-force events", arguments: 1...10)
    func randomChanges(seed: UInt64) {
        let schedule = PlannerReferenceTests.randomSchedule(seed: seed)
        var generator = SeededRandom(seed: seed &* 31_337)
        let start = Support.instant("2027-02-12T00:00:00Z")
        let cut = start.adding(seconds: Int64.random(in: 3600...86_400, using: &generator))
        let end = start.adding(seconds: 3 * 86_400)
        let all = PlannerReferenceTests.reference(schedule, after: start, through: end)
        var planner = Planner(schedule: schedule, after: start)
        let before = planner.popEvents(through: cut)
        #expect(before == all.filter { $0.fireAt <= cut })

        let later = all.filter { $0.fireAt > cut }
        var removed: Set<String> = []
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            guard let event = later.randomElement(using: &generator) else { break }
            planner.removeOccurrence(of: event.obligationID, due: event.due)
            removed.insert("\(event.obligationID)|\(event.due)")
        }
        var removedObligation: String?
        if Bool.random(using: &generator), let id = schedule.ids.randomElement(using: &generator) {
            planner.removeEvents(of: id)
            removedObligation = id
        }
        var oneOffs: [ReminderEvent] = []
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            guard let event = later.randomElement(using: &generator) else { break }
            let fire = cut.adding(seconds: Int64.random(in: 1...200_000, using: &generator))
            let oneOff = ReminderEvent(
                obligationID: event.obligationID,
                due: event.due,
                stage: event.stage,
                fireAt: fire
            )
            planner.add(oneOff)
            oneOffs.append(oneOff)
        }
        let kept = later.filter {
            !removed.contains("\($0.obligationID)|\($0.due)") && $0.obligationID != removedObligation
        }
        let due = oneOffs.filter { $0.fireAt <= end }
        // Regular events first at equal (fire, obligation, due), then one-offs in the order they were added.
        let expected = (kept.map { ($0, -1) } + due.enumerated().map { ($1, $0) }).sorted {
            ($0.0.fireAt, schedule.index(of: $0.0.obligationID)!, $0.0.due, $0.1)
                < ($1.0.fireAt, schedule.index(of: $1.0.obligationID)!, $1.0.due, $1.1)
        }
        var caughtUp = planner
        let popped = planner.popEvents(through: end)
        #expect(popped == expected.map(\.0))

        // Catching up keeps the changes: the rule over what is left, and every one-off due.
        let key = { (event: ReminderEvent) in
            "\(event.fireAt) \(schedule.index(of: event.obligationID)!) \(event.due) \(event.stageKey)"
        }
        let rule = PlannerCatchUpTests.catchUpRule(kept, in: schedule, after: cut, through: end) + due
        let caught = caughtUp.catchUp(through: end)
        #expect(caught.map(key).sorted() == rule.map(key).sorted())
        #expect(caughtUp.nextFireInstant.map { $0 > end } ?? true)
    }
}
