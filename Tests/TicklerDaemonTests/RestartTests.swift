import Logging
import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

@Suite(.timeLimit(.minutes(1)))
struct RestartTests {
    /// Weekly from 1 September 2027, one reminder a day ahead, no overdue repeats.
    static let weekly = Fixtures.every(
        "weekly-report",
        title: "Báo cáo tuần",
        start: LocalDateTime(date: CivilDate(unchecked: 2027, 9, 1), time: TimeOfDay(unchecked: 8, 0, 0)),
        period: Period(1, .week),
        remind: [Period(1, .day)],
        overdueEvery: .zero
    )

    @Test func aRestartDoesNotRepeatAFiredReminder() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        let first = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        await first.advance(to: reminder)
        #expect(first.sink.firings.count == 1)
        try await first.stop()

        let second = await DaemonHarness.started([Fixtures.greeting], at: reminder.adding(seconds: 60), state: state)
        #expect(second.sink.firings.isEmpty)
        #expect(second.clock.pendingDeadlines == [Fixtures.greetingDue.adding(seconds: -Fixtures.day)])
        try await second.stop()
    }

    @Test func aRestartWithTheClockBehindTheCheckpointDoesNotRepeatAFiredReminder() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        let first = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        await first.advance(to: reminder)
        try await first.stop()

        // Restarted with the clock an hour behind: the reminder is planned again, but the state says it fired.
        let second = await DaemonHarness.started([Fixtures.greeting], at: reminder.adding(seconds: -3600), state: state)
        #expect(second.clock.pendingDeadlines == [reminder])
        await second.advance(to: reminder)
        #expect(second.sink.firings.isEmpty)
        #expect(second.clock.pendingDeadlines == [Fixtures.greetingDue.adding(seconds: -Fixtures.day)])
        try await second.stop()
    }

    @Test func anEventRecordedAsFiredNeverFiresAgainEvenPastTheCheckpoint() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        do {
            let store = try SQLiteStateStore(path: state.file(SQLiteStateStore.fileName))
            _ = try await store.recordFirstSeen(["greeting-cn"], at: Fixtures.start)
            let key = EventKey(obligationID: "greeting-cn", due: Fixtures.greetingDue, stage: "remind-7d")
            try await store.record(fired: [FiredEvent(key: key, firedAt: reminder)], checkpoint: Fixtures.start)
        }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: reminder.adding(seconds: 3600), state: state)
        #expect(daemon.sink.firings.isEmpty)
        #expect(daemon.clock.pendingDeadlines == [Fixtures.greetingDue.adding(seconds: -Fixtures.day)])
        try await daemon.stop()
    }

    @Test func downtimeCatchUpFiresTheLatestStageOncePerDueInstant() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let first = await DaemonHarness.started([Fixtures.greeting, Self.weekly], at: Fixtures.start, state: state)
        try await first.stop()

        // Down from 21 September to 3 October 09:00: greeting's reminders, due and two overdue repeats were missed,
        // and the weekly report's reminders and due times of 22 and 29 September.
        let back = Fixtures.hanoi(2027, 10, 3, 9)
        let second = await DaemonHarness.started([Fixtures.greeting, Self.weekly], at: back, state: state)
        let fired = second.sink.firings
        #expect(second.sink.events.elements.map(\.kind) == [.started, .due, .due, .overdue])
        #expect(fired.map(\.obligationID) == ["weekly-report", "weekly-report", "greeting-cn"])
        #expect(fired.map(\.kind) == [.due, .due, .overdue])
        #expect(
            fired.map(\.due) == ["2027-09-22T08:00:00+07:00", "2027-09-29T08:00:00+07:00", "2027-10-01T08:00:00+07:00"]
        )
        #expect(fired.last?.message.hasPrefix("overdue by 2 days:") == true)
        #expect(second.status?.hasSuffix("; 2 overdue") == true)
        try await second.stop()

        // A second restart fires none of them again.
        let third = await DaemonHarness.started(
            [Fixtures.greeting, Self.weekly],
            at: back.adding(seconds: 60),
            state: state
        )
        #expect(third.sink.firings.isEmpty)
        try await third.stop()
    }

    @Test func firstSeenPreventsReplayingHistory() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let old = Fixtures.every(
            "sister-communes",
            title: "Kỷ niệm kết nghĩa 14 cặp xã",
            start: LocalDateTime(date: CivilDate(unchecked: 2016, 9, 20), time: TimeOfDay(unchecked: 8, 0, 0)),
            period: Period(1, .year)
        )
        let daemon = await DaemonHarness.started([old], at: Fixtures.start, state: state)
        // Eleven years of due dates and yesterday's due time stay silent: due before the obligation was first seen,
        // they are history, never overdue (issue 9); the next event is next year's reminder.
        #expect(daemon.sink.firings.isEmpty)
        #expect(
            daemon.status
                == "1 obligation; next: \"Kỷ niệm kết nghĩa 14 cặp xã\" reminder in 358 days (2028-09-13 08:00 +07)"
        )
        #expect(try await SQLiteStateStore(path: state.file(SQLiteStateStore.fileName)).firedEvents().isEmpty)
        try await daemon.stop()
    }

    @Test func aBrokenScheduleAtStartEndsTheServiceWithTheProblems() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let schedule = InMemorySchedule(.empty)
        let problem = ScheduleDiagnostic(
            file: "/etc/tickler/schedule.toml",
            line: 2,
            column: 5,
            scope: .file,
            key: nil,
            message: "expected `=`"
        )
        schedule.fail(with: ScheduleLoadError(diagnostics: [problem]))
        let daemon = DaemonHarness(
            schedule: schedule,
            clock: ManualWallClock(Fixtures.start),
            stateDirectory: state.path
        )
        let error = try #require(await daemon.ended() as? StartupError)
        #expect(error.problems == ["/etc/tickler/schedule.toml:2:5: expected `=`"])
        #expect(error.summary == "cannot start: 1 problem in memory:schedule.toml")
        #expect(daemon.notifier.readyCount == 0)
    }

    @Test func anUnusableStateDirectoryIsRefusedWithAStateError() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        try state.write("not a directory", to: "blocker")
        let sink = RecordingSink()
        let error = #expect(throws: StartupError.self) {
            try DaemonAssembly.openState(
                in: StateDirectory(path: state.file("blocker/tickler"), origin: .commandLine),
                resetting: false,
                at: Fixtures.start,
                sink: sink,
                logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            )
        }
        #expect(error?.location == state.file("blocker"))
        #expect(error?.advice.isEmpty == true)
        #expect(error?.isUnusableStateFile == false)
        #expect(sink.events(of: .stateError).count == 1)
    }
}
