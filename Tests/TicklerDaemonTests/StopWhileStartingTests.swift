import ServiceLifecycle
import Synchronization
import Systemd
import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

/// SIGTERM (graceful shutdown) while a large schedule loads or its first-seen rows are written, at start or at a
/// reload: the daemon gives up the work under way and leaves the state consistent.
///
/// Serialized: loading is CPU-bound work on the cooperative threads, and two large starts at once would keep the
/// test's own stop request from running until one of them ends.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct StopWhileStartingTests {
    /// Requests graceful shutdown and waits for the daemon to end: its error, if any.
    ///
    /// How long the stop takes is not asserted here (timing belongs to benchmarks: `Tests/Benchmarks/hostile-start.py`
    /// measures it on the real process); what is asserted is that the work was given up — fewer first-seen rows than
    /// obligations, no `READY=1`, no `reloaded` — which a daemon that ran its load to the end cannot satisfy.
    static func stop(_ daemon: DaemonHarness) async -> (any Error)? {
        await daemon.group.triggerGracefulShutdown()
        return await daemon.ended()
    }

    /// 40,000 obligations in 100 drop-ins, or in one file (then the TOML reader itself gives up).
    @Test(arguments: [100, 1])
    func aStopWhileALargeScheduleLoadsEndsTheStartPromptly(files: Int) async throws {
        let store = InMemoryStateStore()
        let daemon = DaemonHarness(
            schedule: TextSchedule(
                files: files == 1
                    ? [ScheduleSource(path: "schedule.toml", text: TextSchedule.daily(40_000))]
                    : TextSchedule.daily(files: files, each: 40_000 / files)
            ),
            clock: ManualWallClock(Fixtures.start),
            store: store
        )
        await daemon.notifier.waitForStatus(after: 0)
        #expect(daemon.status?.contains("starting") == true)
        try await Task.sleep(for: .milliseconds(100))
        let error = await Self.stop(daemon)
        #expect(error == nil)
        #expect(daemon.notifier.readyCount == 0)
        #expect(daemon.notifier.messages.elements.last == [.stopping])
        #expect(daemon.sink.events.elements.last?.message == "stopping: graceful shutdown requested while starting")
        // Nothing or whole batches were recorded, and the checkpoint starts with the first batch.
        let seen = try await store.firstSeen()
        #expect(seen.count % 4096 == 0 && seen.count < 40_000)
        #expect(try await store.checkpoint() == (seen.isEmpty ? nil : Fixtures.start))
    }

    @Test func aStopWhileFirstSeenRowsAreWrittenEndsTheStartBetweenBatches() async throws {
        let store = SlowFirstSeenStore(delay: .milliseconds(300))
        let obligations = (0..<9000).map { index in
            Fixtures.every(
                "daily-\(index)",
                title: "Daily \(index)",
                start: LocalDateTime(iso: "2027-01-01T08:00")!,
                period: Period(1, .day)
            )
        }
        let daemon = DaemonHarness(
            schedule: InMemorySchedule(Schedule(obligations: obligations, files: ["schedule.toml"])),
            clock: ManualWallClock(Fixtures.start),
            store: store
        )
        await store.waitForBatch()
        let error = await Self.stop(daemon)
        #expect(error == nil)
        #expect(daemon.notifier.readyCount == 0)
        // Three batches of at most 4096: the first, perhaps the one under way, never the third.
        let seen = try await store.firstSeen()
        #expect(seen.count == 4096 || seen.count == 8192, "\(seen.count) recorded")
        #expect(Set(seen.values) == [Fixtures.start])
        #expect(try await store.checkpoint() == Fixtures.start)
    }

    @Test func aStopDuringTheReloadOfALargeScheduleKeepsTheScheduleAndHistory() async throws {
        let store = InMemoryStateStore()
        let schedule = TextSchedule(TextSchedule.daily(10))
        let (requests, reload) = AsyncStream<Void>.makeStream()
        let start = Fixtures.hanoi(2027, 1, 1, 7, 0)
        let daemon = DaemonHarness(
            schedule: schedule,
            clock: ManualWallClock(start),
            store: store,
            reloadTrigger: .requests(requests)
        )
        await daemon.started()
        await daemon.advance(to: Fixtures.hanoi(2027, 1, 1, 8, 0))
        let history = try await store.firedEvents()
        // The due times at 08:00 and the reminders of the next day's.
        #expect(history.count == 20)
        schedule.replace(with: TextSchedule.daily(files: 100, each: 400, prefix: "new"))
        let statuses = daemon.notifier.messages.elements.count
        reload.yield()
        await daemon.notifier.messages.wait { $0.count > statuses }
        #expect(daemon.notifier.messages.elements.last == [.reloading])
        try await Task.sleep(for: .milliseconds(100))
        let error = await Self.stop(daemon)
        #expect(error == nil)
        #expect(!daemon.sink.events.elements.contains { $0.kind == .reloaded || $0.kind == .reloadFailed })
        #expect(try await store.firedEvents() == history)
        #expect(try await store.firstSeen().count == 10)
    }
}

/// A state store that takes `delay` for each first-seen batch, as a slow disk would, in front of an in-memory one.
final class SlowFirstSeenStore: StateStore {
    /// The store behind it.
    let base = InMemoryStateStore()
    /// How long each `recordFirstSeen` takes.
    let delay: Duration
    /// The batches recorded so far.
    private let batches = Recorder<Int>()

    /// A store whose first-seen writes each take `delay`.
    init(delay: Duration) { self.delay = delay }

    /// Waits until a first batch has been recorded.
    func waitForBatch() async { await batches.wait { !$0.isEmpty } }

    var location: String { base.location }

    func firstSeen() async throws(StateError) -> [String: Instant] { try await base.firstSeen() }

    func recordFirstSeen(_ ids: [String], at instant: Instant) async throws(StateError) -> [String: Instant] {
        // A write under way is finished, however the task is cancelled meanwhile.
        try? await Task.sleep(for: delay)
        let result = try await base.recordFirstSeen(ids, at: instant)
        batches.append(ids.count)
        return result
    }

    func checkpoint() async throws(StateError) -> Instant? { try await base.checkpoint() }

    func latestFiring() async throws(StateError) -> Instant? { try await base.latestFiring() }

    func fired(among keys: [EventKey]) async throws(StateError) -> Set<EventKey> { try await base.fired(among: keys) }

    func firedEvents(obligationID: String?) async throws(StateError) -> [FiredEvent] {
        try await base.firedEvents(obligationID: obligationID)
    }

    func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError) {
        try await base.record(fired: events, checkpoint: checkpoint)
    }

    func occurrences() async throws(StateError) -> [OccurrenceRecord] { try await base.occurrences() }

    func transition(to record: OccurrenceRecord, action: HistoryEntry) async throws(StateError) -> Bool {
        try await base.transition(to: record, action: action)
    }

    func actions(obligationID: String) async throws(StateError) -> [HistoryEntry] {
        try await base.actions(obligationID: obligationID)
    }
}
