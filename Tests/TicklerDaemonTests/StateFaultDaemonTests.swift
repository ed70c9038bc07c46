import Logging
import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

/// ticklerd against state faults: an unusable file refused with advice or reset explicitly, and a full disk.
@Suite(.timeLimit(.minutes(1)))
struct StateFaultDaemonTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func open(
        _ state: TemporaryDirectory,
        resetting: Bool,
        sink: RecordingSink
    ) throws(StartupError)
        -> any StateStore
    {
        try DaemonAssembly.openState(
            in: StateDirectory(path: state.path, origin: .commandLine),
            resetting: resetting,
            at: Fixtures.start,
            sink: sink,
            logger: quiet
        )
    }

    @Test func anEmptyStateFileIsRefusedWithHowToRecover() throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        try state.write("", to: "state.sqlite")
        let sink = RecordingSink()
        let error = #expect(throws: StartupError.self) { try Self.open(state, resetting: false, sink: sink) }
        #expect(error?.location == state.file("state.sqlite"))
        #expect(error?.isUnusableStateFile == true)
        #expect(error?.problems.first?.contains("empty (0 bytes)") == true)
        let text = error?.description ?? ""
        #expect(text.contains("ticklerctl state check --state-dir \(state.path)"))
        #expect(text.contains("ticklerd --reset-state"))
        #expect(text.contains("mv \(state.path)/state.sqlite"))
        #expect(sink.events(of: .stateError).count == 1)
        // Nothing was touched: no fresh start behind the operator's back.
        #expect(state.names() == ["state.sqlite"])
    }

    @Test func resetStateMovesAnUnusableFileAsideAndSaysSo() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        try state.write("garbage, not SQLite", to: "state.sqlite")
        let sink = RecordingSink()
        let store = try Self.open(state, resetting: true, sink: sink)
        #expect(try await store.firedEvents().isEmpty)
        #expect(
            state.names().filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } == [
                "state.sqlite", "state.sqlite.broken-20270921T010000Z",
            ]
        )
        let said = try #require(sink.events(of: .stateError).first?.message)
        #expect(said.hasPrefix("state reset (--reset-state): state \(state.file("state.sqlite")):"))
        #expect(said.contains("moved it aside to \(state.file("state.sqlite.broken-20270921T010000Z"))"))
    }

    @Test func resetStateKeepsASoundState() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let key = EventKey(obligationID: "a", due: Fixtures.greetingDue, stage: "due")
        do {
            let store = try SQLiteStateStore(path: state.file("state.sqlite"))
            try await store.record(fired: [FiredEvent(key: key, firedAt: Fixtures.start)], checkpoint: Fixtures.start)
        }
        let sink = RecordingSink()
        let store = try Self.open(state, resetting: true, sink: sink)
        #expect(try await store.hasFired(key))
        #expect(sink.events.elements.isEmpty)
        #expect(!state.names().contains { $0.contains("broken") })
    }

    @Test func aFullDiskIsReportedOnceAndWhatFiredIsWrittenWhenSpaceReturns() async throws {
        let store = FaultInjectingStateStore()
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: store)
        let weekBefore = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        let dayBefore = Fixtures.greetingDue.adding(seconds: -Fixtures.day)

        store.failingWrites = FaultInjectingStateStore.diskFull
        await daemon.advance(to: weekBefore)
        await daemon.advance(to: dayBefore)
        // Both reminders reached the journal; one state-error entry, whatever the number of failed writes.
        #expect(daemon.sink.firings.map(\.lead) == ["7d", "1d"])
        #expect(store.failedWrites == 2)
        let errors = daemon.sink.events(of: .stateError)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("SQLite error 13: database or disk is full") == true)
        #expect(daemon.status?.hasSuffix("; state not saved (disk full): 2 events kept in memory") == true)
        #expect(try await store.base.firedEvents().isEmpty)

        // Space returns: the next write records the kept events with the new one, and the note goes.
        store.failingWrites = nil
        await daemon.advance(to: Fixtures.greetingDue)
        #expect(daemon.sink.firings.map(\.kind) == [.reminder, .reminder, .due])
        #expect(daemon.sink.events(of: .stateError).count == 1)
        #expect(daemon.status?.contains("state not saved") == false)
        let stages = try await store.base.firedEvents().map(\.key.stage)
        #expect(stages == ["remind-7d", "remind-1d", "due"])
        #expect(try await store.base.checkpoint() == Fixtures.greetingDue)
        try await daemon.stop()

        // A restart repeats nothing.
        let again = await DaemonHarness.started(
            [Fixtures.greeting],
            at: Fixtures.greetingDue.adding(seconds: 60),
            store: store.base
        )
        #expect(again.sink.firings.isEmpty)
        try await again.stop()
    }

    @Test(.enabled(if: SmallFileSystem.canMount, "needs root to mount a tmpfs"))
    func onARealFullDiskTheLogStopsGrowingAndNothingIsLostOrRepeated() async throws {
        let disk = try SmallFileSystem(megabytes: 2)
        defer { disk.remove() }
        let path = disk.file(SQLiteStateStore.fileName)
        let daemon = await DaemonHarness.started(
            [Fixtures.greeting],
            at: Fixtures.start,
            store: try SQLiteStateStore(path: path)
        )
        let weekBefore = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        let dayBefore = Fixtures.greetingDue.adding(seconds: -Fixtures.day)

        disk.fill()
        await daemon.advance(to: weekBefore)
        let logAfterFirstFailure = disk.size(of: "state.sqlite-wal")
        await daemon.advance(to: dayBefore)
        #expect(disk.size(of: "state.sqlite-wal") == logAfterFirstFailure)
        #expect(daemon.sink.firings.map(\.lead) == ["7d", "1d"])
        let errors = daemon.sink.events(of: .stateError)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("SQLite error 13") == true)
        #expect(daemon.status?.hasSuffix("; state not saved (disk full): 2 events kept in memory") == true)

        disk.unfill()
        await daemon.advance(to: Fixtures.greetingDue)
        #expect(daemon.sink.firings.map(\.kind) == [.reminder, .reminder, .due])
        #expect(daemon.status?.contains("state not saved") == false)
        try await daemon.stop()

        let reopened = try SQLiteStateStore(path: path)
        #expect(try await reopened.firedEvents().map(\.key.stage) == ["remind-7d", "remind-1d", "due"])
        let again = await DaemonHarness.started(
            [Fixtures.greeting],
            at: Fixtures.greetingDue.adding(seconds: 60),
            store: reopened
        )
        #expect(again.sink.firings.isEmpty)
        try await again.stop()
    }

    @Test func aFullDiskAtTheFirstStartDoesNotStopTheDaemonAndTheFirstSeenTimesFollowLater() async throws {
        let store = FaultInjectingStateStore()
        store.failingWrites = FaultInjectingStateStore.diskFull
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: store)
        #expect(daemon.notifier.readyCount == 1)
        #expect(daemon.sink.events(of: .stateError).count == 1)
        #expect(try await store.base.firstSeen().isEmpty)

        store.failingWrites = nil
        let weekBefore = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        await daemon.advance(to: weekBefore)
        #expect(daemon.sink.firings.map(\.lead) == ["7d"])
        #expect(try await store.base.firstSeen() == ["greeting-cn": Fixtures.start])
        #expect(try await store.base.firedEvents().map(\.key.stage) == ["remind-7d"])
        #expect(try await store.base.checkpoint() == weekBefore)
        #expect(daemon.sink.events(of: .stateError).count == 1)
        try await daemon.stop()
    }

    @Test func aRestartDuringAFullDiskRepeatsAtMostWhatFailedToBeRecorded() async throws {
        let store = FaultInjectingStateStore()
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: store)
        let weekBefore = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        let dayBefore = Fixtures.greetingDue.adding(seconds: -Fixtures.day)
        await daemon.advance(to: weekBefore)
        store.failingWrites = FaultInjectingStateStore.diskFull
        await daemon.advance(to: dayBefore)
        let failed = daemon.sink.firings.suffix(1).map(\.lead)
        #expect(failed == ["1d"])
        try await daemon.stop()

        // Restarted once space returned: only the reminder whose record failed comes again, once.
        let again = await DaemonHarness.started(
            [Fixtures.greeting],
            at: dayBefore.adding(seconds: 60),
            store: store.base
        )
        #expect(again.sink.firings.map(\.lead) == failed)
        #expect(try await store.base.firedEvents().map(\.key.stage) == ["remind-7d", "remind-1d"])
        try await again.stop()
    }
}
