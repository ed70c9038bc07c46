import Logging
public import ServiceLifecycle
public import TicklerCalendar
public import TicklerControlProtocol
public import TicklerDaemon
public import TicklerSchedule
public import TicklerState

/// A daemon assembled by `DaemonAssembly`, as ticklerd assembles it, with a manual clock, a recording notifier and
/// sink, and a state store of the test's choosing (SQLite in a state directory, or any other).
///
/// The harness starts the service group at once; ``started()`` waits until it is ready and asleep;
/// ``advance(to:wakingEveryone:thenSleeps:)`` and ``reload()`` drive it and wait until it has acted; ``stop()``
/// ends it.
public struct DaemonHarness: Sendable {
    /// The clock the daemon reads and sleeps on.
    public let clock: ManualWallClock
    /// Where the daemon reads its schedule.
    public let provider: any ScheduleProvider
    /// The daemon's state.
    public let store: any StateStore
    /// The sd_notify messages the daemon sent.
    public let notifier = RecordingNotifier()
    /// The product events the daemon emitted.
    public let sink = RecordingSink()
    /// The channel control requests reach the daemon through, as the control socket sends them.
    public let control = DaemonControlChannel()
    /// The running service group.
    public let group: ServiceGroup
    /// Where ``reload()`` sends reload requests.
    private let reloads: AsyncStream<Void>.Continuation
    /// The task running ``group``.
    private let running: Task<Void, any Error>

    /// Starts the daemon on `schedule` with its state in `state.sqlite` of `stateDirectory`, which must open (a
    /// precondition); call ``started()`` to wait for `READY=1`. Reloads come from ``reload()`` unless
    /// `reloadTrigger` says otherwise; zone changes from `zoneWatch`; `STATUS=` shows times in `displayZone`.
    public init(
        schedule: any ScheduleProvider,
        clock: ManualWallClock,
        stateDirectory: String,
        displayZone: ZoneRules = .utc,
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
            displayZone: displayZone,
            reloadTrigger: reloadTrigger,
            zoneWatch: zoneWatch
        )
    }

    /// Starts the daemon on `schedule` with `store` (`stateDirectory` is only named in its configuration); call
    /// ``started()`` to wait for `READY=1`. Reloads come from ``reload()`` unless `reloadTrigger` says otherwise;
    /// zone changes from `zoneWatch`; `STATUS=` shows times in `displayZone`.
    public init(
        schedule: any ScheduleProvider,
        clock: ManualWallClock,
        store: any StateStore,
        stateDirectory: String = "/nonexistent/state",
        displayZone: ZoneRules = .utc,
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
            displayZone: displayZone
        )
        let group = DaemonAssembly.makeServiceGroup(
            configuration: configuration,
            store: store,
            clock: clock,
            notifier: notifier,
            sink: sink,
            reloadTrigger: reloadTrigger ?? .requests(stream),
            zoneWatch: zoneWatch,
            control: control,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        self.group = group
        running = Task { try await group.run() }
    }

    /// Starts a daemon on `obligations` (an ``InMemorySchedule``) with the clock at `instant` and its state in
    /// `state`, and waits until it is ready and asleep; `STATUS=` shows times in `displayZone`.
    public static func started(
        _ obligations: [Obligation],
        at instant: Instant,
        state: TemporaryDirectory,
        displayZone: ZoneRules = .utc
    ) async -> DaemonHarness {
        let daemon = DaemonHarness(
            schedule: InMemorySchedule(Schedule(obligations: obligations, files: ["schedule.toml"])),
            clock: ManualWallClock(instant),
            stateDirectory: state.path,
            displayZone: displayZone
        )
        await daemon.started()
        return daemon
    }

    /// Starts a daemon on `obligations` (an ``InMemorySchedule``) with the clock at `instant` and state in `store`,
    /// and waits until it is ready and, when `thenSleeps` (it has a deadline), asleep; `STATUS=` shows times in
    /// `displayZone`.
    public static func started(
        _ obligations: [Obligation],
        at instant: Instant,
        store: any StateStore,
        displayZone: ZoneRules = .utc,
        thenSleeps: Bool = true
    ) async -> DaemonHarness {
        let daemon = DaemonHarness(
            schedule: InMemorySchedule(Schedule(obligations: obligations, files: ["schedule.toml"])),
            clock: ManualWallClock(instant),
            store: store,
            displayZone: displayZone
        )
        await daemon.started(thenSleeps: thenSleeps)
        return daemon
    }

    /// The in-memory schedule the daemon reads; a precondition: the daemon was started on one.
    public var schedule: InMemorySchedule {
        guard let schedule = provider as? InMemorySchedule else {
            preconditionFailure("the daemon reads \(provider.location), not an InMemorySchedule")
        }
        return schedule
    }

    /// Waits for `READY=1` and, when `thenSleeps` (it has a deadline), the daemon's first sleep.
    public func started(thenSleeps: Bool = true) async {
        await notifier.waitForReady(count: 1)
        if thenSleeps { await clock.waitForSleeper(count: 1) }
    }

    /// Sends a reload request and waits for the `STATUS=` that follows its `READY=1`, then, when `thenSleeps` (the
    /// daemon has a next deadline), for the next sleep.
    public func reload(thenSleeps: Bool = true) async {
        let statuses = notifier.statuses.count
        let sleeps = clock.sleepCalls
        reloads.yield()
        await notifier.waitForStatus(after: statuses)
        if thenSleeps { await clock.waitForSleeper(count: sleeps + 1) }
    }

    /// Sets the clock to `instant`, which must wake the daemon, and waits for the status it sends after the
    /// wake-up and, when `thenSleeps`, for its next sleep.
    public func advance(to instant: Instant, wakingEveryone: Bool = false, thenSleeps: Bool = true) async {
        let statuses = notifier.statuses.count
        let sleeps = clock.sleepCalls
        clock.set(to: instant, wakingEveryone: wakingEveryone)
        await notifier.waitForStatus(after: statuses)
        if thenSleeps { await clock.waitForSleeper(count: sleeps + 1) }
    }

    /// Sends `request` from `caller` (root by default) through ``control``, as the control socket does, and waits for
    /// the reply and, when `thenSleeps` (the daemon has a next deadline), for its next sleep.
    public func send(
        _ request: ControlRequest,
        as caller: ControlCaller = .testRoot,
        thenSleeps: Bool = true
    ) async -> ControlReply {
        let sleeps = clock.sleepCalls
        let reply = await control.handle(request, from: caller)
        if thenSleeps { await clock.waitForSleeper(count: sleeps + 1) }
        return reply
    }

    /// The latest `STATUS=` text.
    public var status: String? { notifier.statuses.last }

    /// Stops the daemon gracefully and waits for it to end.
    /// - Throws: The error the service group ended with.
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Waits for the daemon to end on its own, returning its error (nil when it ended cleanly).
    public func ended() async -> (any Error)? {
        do {
            try await running.value
            return nil
        } catch {
            return error
        }
    }
}
