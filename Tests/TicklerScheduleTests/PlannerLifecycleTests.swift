import Testing
import TicklerCalendar
import TicklerSchedule

/// The planner's part of an occurrence's life: snoozing takes it out of the plan and resumes it at the snooze's end;
/// outside the plan its stages come one by one.
@Suite("Planner lifecycle")
struct PlannerLifecycleTests {
    private typealias Support = TestSupport

    /// A one-off obligation due 1 March 2027, 08:00 UTC, with a 7-day lead and daily repeats.
    static let letter = try! Support.load(
        """
        [[obligation]]
        id = "letter"
        title = "Letter"
        timezone = "UTC"
        once = "2027-03-01"
        remind = ["7d"]
        overdue-every = "1d"
        escalate = ["3d", "7d"]
        """
    )
    static let due = Support.instant("2027-03-01T08:00:00Z")

    @Test func theLoaderReadsEscalateShortestFirst() throws {
        let obligation = try #require(Self.letter["letter"])
        #expect(obligation.escalate == [Period(3, .day), Period(7, .day)])
    }

    @Test(
        "escalate's diagnostics",
        arguments: [
            ("escalate = [\"7d\", \"3d\"]", "must grow"), ("escalate = [\"0\"]", "\"0\" is the due time"),
            ("escalate = [\"1M\"]", "unknown unit"), ("escalate = \"3d\"", "array"),
        ]
    )
    func escalateDiagnostics(line: String, expected: String) {
        let problems = Support.problems(
            """
            [[obligation]]
            id = "letter"
            title = "Letter"
            once = "2027-03-01"
            \(line)
            """
        )
        #expect(problems.count == 1)
        #expect(problems.first?.contains("key \"escalate\"") == true, "\(problems)")
        #expect(problems.first?.lowercased().contains(expected.lowercased()) == true, "\(problems)")
    }

    @Test func escalateInDefaultsAppliesToEveryObligationThatSetsNone() throws {
        let schedule = try Support.load(
            """
            [defaults]
            escalate = ["2d"]
            [[obligation]]
            id = "a"
            title = "A"
            once = "2027-03-01"
            [[obligation]]
            id = "b"
            title = "B"
            once = "2027-03-01"
            escalate = []
            """
        )
        #expect(schedule["a"]?.escalate == [Period(2, .day)])
        #expect(schedule["b"]?.escalate == [])
    }

    @Test func aSnoozeHoldsBackTheStagesAndResumesWithTheStageReachedAtItsEnd() {
        var planner = Planner(schedule: Self.letter, after: Self.due.adding(seconds: -10 * 86_400))
        let reminder = planner.popEvents(through: Self.due.adding(seconds: -7 * 86_400))
        #expect(reminder.map(\.stageKey) == ["remind-7d"])
        // Snoozed until 2.5 days after due: the due time and two repeats pass in silence.
        let until = Self.due.adding(seconds: 60 * 3600)
        let resumed = planner.snooze("letter", due: Self.due, until: until)
        #expect(resumed == ReminderEvent(obligationID: "letter", due: Self.due, stage: .overdue(2), fireAt: until))
        #expect(planner.nextEvent == resumed)
        #expect(planner.popEvents(through: until) == [resumed!])
        // Outside the plan, the next stage comes as one more one-off.
        let next = planner.continueOutsidePlan(of: "letter", due: Self.due, after: until)
        #expect(next?.stage == .overdue(3))
        #expect(next?.fireAt == Self.due.adding(seconds: 3 * 86_400))
        #expect(planner.queuedCount == 1)
    }

    @Test func aSnoozeEndingBeforeTheFirstStageKeepsTheStagesAtTheirTimes() {
        var planner = Planner(schedule: Self.letter, after: Self.due.adding(seconds: -10 * 86_400))
        let resumed = planner.snooze("letter", due: Self.due, until: Self.due.adding(seconds: -9 * 86_400))
        #expect(resumed?.stage == .reminder(lead: Period(7, .day)))
        #expect(resumed?.fireAt == Self.due.adding(seconds: -7 * 86_400))
    }

    @Test func anOccurrenceWithNoStageLeftIsNotPlannedAgain() {
        var planner = Planner(schedule: Self.letter, after: Self.due)
        let afterLast = Self.due.adding(seconds: 31 * 86_400)
        #expect(planner.nextStage(of: "letter", due: Self.due, after: afterLast) == nil)
        #expect(planner.continueOutsidePlan(of: "letter", due: Self.due, after: afterLast) == nil)
        #expect(planner.nextEvent == nil)
        #expect(planner.latestStage(of: "letter", due: Self.due, through: afterLast)?.stage == .overdue(30))
        #expect(planner.latestStage(of: "nobody", due: Self.due, through: afterLast) == nil)
    }
}
