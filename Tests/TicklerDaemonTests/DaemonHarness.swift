import Logging
import ServiceLifecycle
import Systemd
import TicklerCalendar
import TicklerDaemon
import TicklerSchedule
import TicklerState

/// A daemon assembled by `DaemonAssembly`, as ticklerd assembles it, with a manual clock, recording fakes and
/// a state store of the test's choosing (SQLite in a state directory, or any other).
struct DaemonHarness {
    let clock: ManualWallClock
    let provider: any ScheduleProvider
    let store: any StateStore
    let notifier = RecordingNotifier()
    let sink = RecordingSink()
    let group: ServiceGroup
    private let reloads: AsyncStream<Void>.Continuation
    private let running: Task<Void, any Error>

    /// Starts the daemon on `schedule` with its state in `state.sqlite` of `stateDirectory`, which must open; call
    /// ``started()`` to wait for `READY=1`. Reloads come from ``reload()`` unless `reloadTrigger` says otherwise;
    /// zone changes from `zoneWatch`.
    init(
        schedule: any ScheduleProvider,
        clock: ManualWallClock,
        stateDirectory: String,
        reloadTrigger: ReloadTrigger? = nil,
        zoneWatch: (any ZoneChangeWatch)? = nil
    ) {
        let store: SQLiteStateStore
        do {
            store = try SQLiteStateStore(directory: StateDirectory(path: stateDirectory, origin: .commandLine))
        } catch {
            preconditionFailure("\(error)")
        }
        self.init(
            schedule: schedule,
            clock: clock,
            store: store,
            stateDirectory: stateDirectory,
            reloadTrigger: reloadTrigger,
            zoneWatch: zoneWatch
        )
    }

    /// Starts the daemon on `schedule` with `store`; call ``started()`` to wait for `READY=1`. Reloads come from
    /// ``reload()`` unless `reloadTrigger` says otherwise; zone changes from `zoneWatch`.
    init(
        schedule: any ScheduleProvider,
        clock: ManualWallClock,
        store: any StateStore,
        stateDirectory: String = "/nonexistent/state",
        reloadTrigger: ReloadTrigger? = nil,
        zoneWatch: (any ZoneChangeWatch)? = nil
    ) {
        self.clock = clock
        self.provider = schedule
        self.store = store
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        reloads = continuation
        let configuration = DaemonConfiguration(
            schedule: schedule,
            stateDirectory: StateDirectory(path: stateDirectory, origin: .commandLine),
            displayZone: Fixtures.hanoi
        )
        let group = DaemonAssembly.makeServiceGroup(
            configuration: configuration,
            store: store,
            clock: clock,
            notifier: notifier,
            sink: sink,
            reloadTrigger: reloadTrigger ?? .requests(stream),
            zoneWatch: zoneWatch,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        self.group = group
        running = Task { try await group.run() }
    }

    /// Starts a daemon on `obligations` with the clock at `instant` and waits until it is ready and asleep.
    static func started(
        _ obligations: [Obligation],
        at instant: Instant,
        state: TemporaryDirectory
    ) async -> DaemonHarness {
        let daemon = DaemonHarness(
            schedule: InMemorySchedule(Schedule(obligations: obligations, files: ["schedule.toml"])),
            clock: ManualWallClock(instant),
            stateDirectory: state.path
        )
        await daemon.started()
        return daemon
    }

    /// Starts a daemon on `obligations` with the clock at `instant` and state in `store`, and waits until it is
    /// ready and asleep.
    static func started(_ obligations: [Obligation], at instant: Instant, store: any StateStore) async -> DaemonHarness
    {
        let daemon = DaemonHarness(
            schedule: InMemorySchedule(Schedule(obligations: obligations, files: ["schedule.toml"])),
            clock: ManualWallClock(instant),
            store: store
        )
        await daemon.started()
        return daemon
    }

    /// The in-memory schedule the daemon reads (for daemons started on one).
    var schedule: InMemorySchedule { provider as! InMemorySchedule }

    /// Waits for `READY=1` and the daemon's first sleep.
    func started() async {
        await notifier.waitForReady(count: 1)
        await clock.waitForSleeper(count: 1)
    }

    /// Sends a reload request and waits for the `STATUS=` that follows its `READY=1`, then for the next sleep.
    func reload() async {
        let statuses = notifier.statuses.count
        let sleeps = clock.sleepCalls
        reloads.yield()
        await notifier.waitForStatus(after: statuses)
        await clock.waitForSleeper(count: sleeps + 1)
    }

    /// Sets the clock to `instant`, which must wake the daemon, and waits for the status it sends after the
    /// wake-up and, when `thenSleeps`, for its next sleep.
    func advance(to instant: Instant, wakingEveryone: Bool = false, thenSleeps: Bool = true) async {
        let statuses = notifier.statuses.count
        let sleeps = clock.sleepCalls
        clock.set(to: instant, wakingEveryone: wakingEveryone)
        await notifier.waitForStatus(after: statuses)
        if thenSleeps { await clock.waitForSleeper(count: sleeps + 1) }
    }

    /// The latest `STATUS=` text.
    var status: String? { notifier.statuses.last }

    /// Stops the daemon gracefully and waits for it to end.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Waits for the daemon to end on its own, returning its error.
    func ended() async -> (any Error)? {
        do {
            try await running.value
            return nil
        } catch {
            return error
        }
    }
}
