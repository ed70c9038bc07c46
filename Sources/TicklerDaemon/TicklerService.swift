import Glibc
public import Logging
public import ServiceLifecycle
import Systemd
import TicklerCalendar
import TicklerControlProtocol
public import TicklerJournalSchema
import TicklerPlatform
import TicklerSchedule
public import TicklerState
import UnixSignals

/// ticklerd's service: loads the schedule, reads the state it is given, then sleeps until exactly the next event and fires it.
///
/// Start-up: load the schedule (any error ends the service with ``StartupError``), record new obligations in the
/// state store it was given as first seen now, fire what was missed while stopped, then `READY=1`. The loop takes one
/// command at a time from its ``CommandStream`` — the deadline timer armed for exactly the next event (no polling), a
/// reload request, a time-zone change, a control request carrying its reply, graceful shutdown — acts on it (firing
/// every event due in one state transaction per wake-up), and updates `STATUS=`. A reload sends `RELOADING=1`, re-reads
/// every file and either swaps in the new schedule or keeps the old one and reports `reload-failed`; then `READY=1`.
/// A change of the time zone (``ZoneChangeWatch``) is reported as `zone-changed` and the schedule is re-read with the
/// new rules. Graceful shutdown sends `STOPPING=1` and returns. Writes to the state that fail (a full disk) are kept
/// and retried by a ``RetryingStateStore``, reported once and noted in `STATUS=` while they last.
public struct TicklerService: Service {
    /// What to read and where to keep state.
    public let configuration: DaemonConfiguration
    /// The state, opened by the caller.
    public let store: any StateStore
    private let clock: any WallClock
    private let notifier: any ServiceNotifier
    private let sink: any EventSink
    private let reloadTrigger: ReloadTrigger
    private let zoneWatch: (any ZoneChangeWatch)?
    private let control: DaemonControlChannel
    private let logger: Logger

    /// Creates the service.
    /// - Parameters:
    ///   - configuration: the schedule's location, the state directory and the display zone.
    ///   - store: the state: what fired, when obligations were first seen, the checkpoint.
    ///   - clock: the wall clock to read and sleep on.
    ///   - notifier: where sd_notify messages go.
    ///   - sink: where journal events go.
    ///   - reloadTrigger: what requests a reload (`SIGHUP` in production).
    ///   - zoneWatch: what tells of time-zone changes (the schedule's zone database's files), if anything.
    ///   - control: where control requests come from (the control socket's handler).
    ///   - logger: for diagnostics that are not events.
    public init(
        configuration: DaemonConfiguration,
        store: any StateStore,
        clock: any WallClock,
        notifier: any ServiceNotifier,
        sink: any EventSink,
        reloadTrigger: ReloadTrigger,
        zoneWatch: (any ZoneChangeWatch)? = nil,
        control: DaemonControlChannel = DaemonControlChannel(),
        logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.notifier = notifier
        self.sink = sink
        self.reloadTrigger = reloadTrigger
        self.zoneWatch = zoneWatch
        self.control = control
        self.logger = logger
    }

    public func run() async throws {
        let commands = control.commands
        try await withThrowingTaskGroup(of: Void.self) { group in
            switch reloadTrigger {
            case .signal(let signal):
                let signals = await UnixSignalsSequence(trapping: signal)
                group.addTask { for await _ in signals { commands.post(.reloadRequested) } }
            case .requests(let stream):
                group.addTask { for await _ in stream { commands.post(.reloadRequested) } }
            case .none:
                break
            }
            if let zoneWatch {
                group.addTask {
                    while true {
                        try await zoneWatch.waitForChange()
                        await commands.request { done in .zoneChanged(done: done) }
                    }
                }
            }
            group.addTask {
                try await gracefulShutdown()
                commands.post(.shutdown)
            }
            do {
                try await serve(commands: commands)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// Starts, then acts on each command until graceful shutdown.
    ///
    /// After each command the timer is disarmed before `STATUS=` is sent and armed again for the core's next deadline
    /// after it, so that once the status is out the only sleeper is the one for the plan now in force; a control
    /// request is answered after that, when its effect is in force.
    private func serve(commands: CommandStream) async throws {
        // Once the core stops taking commands, nobody may wait for it: a control request or a zone change posted
        // later (or still queued) is answered at once, so the companions and the tasks above can end.
        defer { commands.close() }
        // Until READY=1, `systemctl status` says which ticklerd is starting and what it reads (a large schedule
        // takes a moment).
        notify([.status("ticklerd \(TicklerVersion.number): starting, reading \(configuration.schedule.location)")])
        let startedAt = clock.now()
        let store = RetryingStateStore(base: store, sink: sink)
        // SIGTERM while a large schedule loads or its first-seen rows are written: give up within a moment.
        guard var core = try await start(at: startedAt, store: store) else {
            sink.emit(DaemonEvent(kind: .stopping, message: "stopping: graceful shutdown requested while starting"))
            notify([.stopping])
            return
        }
        sink.emit(
            DaemonEvent(
                kind: .started,
                message: "started ticklerd \(TicklerVersion.number): "
                    + "\(DaemonStatus.counted(core.schedule.count, "obligation")) from "
                    + "\(configuration.schedule.location), "
                    + "state in \(store.location)"
            )
        )
        await core.catchUp(at: startedAt)
        // The watch began before the schedule was read: now it knows the zone files in use.
        zoneWatch?.watchFilesInUse()
        notify([.ready, status(of: core, store: store)])
        let identity = DaemonIdentity(
            pid: getpid(),
            startedAt: startedAt,
            scheduleLocation: configuration.schedule.location,
            displayZone: configuration.displayZone
        )
        let timer = DeadlineTimer(clock: clock, commands: commands)
        defer { timer.disarm() }
        timer.arm(at: core.nextDeadline)
        commandLoop: while !Task.isShuttingDownGracefully {
            var states: [NotifyState] = []
            var reply: (CheckedContinuation<ControlReply, Never>, ControlReply)?
            switch try await commands.next() {
            case .deadlineReached(let generation):
                guard timer.isCurrent(generation) else { continue }
                await core.wake(at: clock.now())
            case .reloadRequested:
                await reload(&core)
                zoneWatch?.watchFilesInUse()
                // After a reload, READY=1 and the new STATUS= travel in one datagram, so that `systemctl reload`
                // returns with the status already current.
                states = [.ready]
            case .zoneChanged(let done):
                if let change = zoneWatch?.refresh() { await replan(&core, after: change) }
                zoneWatch?.watchFilesInUse()
                done.resume()
            case .shutdown:
                break commandLoop
            case .control(let request, let caller, let continuation):
                reply = (continuation, await core.answer(request, from: caller, at: clock.now(), identity: identity))
            }
            timer.disarm()
            notify(states + [status(of: core, store: store)])
            timer.arm(at: core.nextDeadline)
            if let (continuation, answer) = reply { continuation.resume(returning: answer) }
        }
        sink.emit(DaemonEvent(kind: .stopping, message: "stopping: graceful shutdown requested"))
        notify([.stopping])
    }

    /// `STATUS=`: the core's status line, and while state writes fail, a note saying so.
    private func status(of core: DaemonCore, store: RetryingStateStore) -> NotifyState {
        let text = core.status(displayZone: configuration.displayZone).text(now: clock.now())
        return .status(store.statusNote.map { "\(text); \($0)" } ?? text)
    }

    /// Loads the schedule and reads the state, giving up on graceful shutdown (then nil; the state stays
    /// consistent, see ``DaemonCore/recordFirstSeen(_:in:at:)``).
    private func start(at now: Instant, store: any StateStore) async throws -> DaemonCore? {
        try await cancelWhenGracefulShutdown { [self] in try await open(at: now, store: store) }
    }

    /// ``start(at:store:)``'s work, nil when its task is cancelled.
    private func open(at now: Instant, store: any StateStore) async throws -> DaemonCore? {
        let schedule: Schedule
        let text: ScheduleText?
        do {
            (schedule, text) = try await readSchedule()
        } catch {
            if error.isCancellation || Task.isCancelled { return nil }
            for diagnostic in error.diagnostics { logger.error("\(diagnostic)") }
            throw StartupError(
                location: configuration.schedule.location,
                problems: error.diagnostics.map(\.description)
            )
        }
        warnIfMainFileMissing()
        do {
            return try await DaemonCore.open(schedule: schedule, text: text, store: store, sink: sink, now: now)
        } catch {
            // A write refused because the task was cancelled (GRDB checks) is the stop, not a broken state.
            if Task.isCancelled { return nil }
            sink.emit(DaemonEvent(kind: .stateError, message: "\(error)"))
            throw StartupError(location: error.path, problems: [error.explanation])
        }
    }

    /// Says `RELOADING=1` and re-reads the schedule; the caller says `READY=1` with the new status.
    ///
    /// The zone rules are read afresh too, so a reload also brings in a zone change that was not noticed.
    private func reload(_ core: inout DaemonCore) async {
        notify([.reloading])
        if let change = zoneWatch?.refresh() { sink.emit(Self.zoneChangedEvent(change)) }
        await readAgain(&core, warning: true)
        // The previous schedule and plan (or the refused one) are freed by now: hand the pages back, so that the
        // resident size of a large schedule does not step up over its first reloads.
        Allocator.releaseFreeMemory()
    }

    /// Plans again after the zone rules changed: reports `zone-changed`, then re-reads the schedule with the new rules
    /// (obligations without a zone take the new system zone) and adopts it, or keeps the old one and reports why.
    private func replan(_ core: inout DaemonCore, after change: ZoneRulesChange) async {
        sink.emit(Self.zoneChangedEvent(change))
        await readAgain(&core, warning: false)
    }

    /// Re-reads the schedule and adopts it, or keeps the one in force and reports why; on graceful shutdown the
    /// reading is given up and the schedule in force kept (the loop then ends). With `warning`, warns when the
    /// configuration directory has no `schedule.toml`.
    private func readAgain(_ core: inout DaemonCore, warning: Bool) async {
        let now = clock.now()
        // Nothing fires while the schedule is read (the core is this loop's): its plan is let go meanwhile — and
        // the schedule too, when its text is kept — and made again from the new schedule, or from the one in force
        // when the new one is refused.
        core.setScheduleAside(at: now)
        let loaded = await cancelWhenGracefulShutdown { [self] in
            await onWorker { () throws(ScheduleLoadError) in try configuration.schedule.loadScheduleKeepingText() }
        }
        if case .failure = loaded, let text = core.isScheduleAside ? core.text : nil {
            // Made again even when the reading was given up for a graceful shutdown: without it, nothing is planned.
            core.takeBack(await onWorker { () throws(ScheduleLoadError) in try text.load() }, at: now)
        }
        switch loaded {
        case .success(let (schedule, text)):
            if warning { warnIfMainFileMissing() }
            await core.adopt(schedule, text: text, from: configuration.schedule.location, at: now)
        case .failure(let error) where error.isCancellation: core.planAgain(at: now)
        case .failure(let error): core.reject(error, at: now)
        }
    }

    /// Reads every file of the schedule on a worker thread, keeping its text (``onWorker(_:)``).
    private func readSchedule() async throws(ScheduleLoadError) -> (schedule: Schedule, text: ScheduleText?) {
        try await onWorker { () throws(ScheduleLoadError) in try configuration.schedule.loadScheduleKeepingText() }
            .get()
    }

    /// Runs `read` (reading or making a schedule) on a worker thread (``EventLoop/workerForBlockingWork()``), so that
    /// ticklerd's event loop goes on serving signals — a `SIGTERM` during the load of a large schedule is honoured at
    /// the loader's next cancellation check — and the watchdog.
    private func onWorker<Value: Sendable>(
        _ read: @Sendable () throws(ScheduleLoadError) -> Value
    ) async -> Result<Value, ScheduleLoadError> {
        guard let worker = EventLoop.workerForBlockingWork() else { return Result(catching: read) }
        return await withTaskExecutorPreference(worker.taskExecutor) { Result(catching: read) }
    }

    /// The `zone-changed` event for `change`.
    static func zoneChangedEvent(_ change: ZoneRulesChange) -> DaemonEvent {
        DaemonEvent(kind: .zoneChanged, message: "zone changed: \(change); planning again with the new rules")
    }

    /// Logs, at priority warning, that the configuration directory has no `schedule.toml` and so no shared
    /// `[defaults]` (the schedule still loads: this is not a `reload-failed`).
    private func warnIfMainFileMissing() {
        let warning = MainScheduleFile.missingWarning(
            configurationPath: configuration.schedule.location,
            systemZone: configuration.displayZone
        )
        if let warning { logger.warning("\(warning.file): warning: \(warning.message)") }
    }

    private func notify(_ states: [NotifyState]) {
        do {
            try notifier.send(states)
        } catch {
            logger.warning("sd_notify failed: \(error)")
        }
    }
}
