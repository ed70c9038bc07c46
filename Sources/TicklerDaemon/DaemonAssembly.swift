public import Logging
public import ServiceLifecycle
import Systemd
public import TicklerCalendar
public import TicklerJournalSchema
import TicklerPlatform
import TicklerSchedule
public import TicklerState
public import UnixSignals

/// Assembles ticklerd: the same function builds the real daemon and, with in-memory parts, the one tests run.
public enum DaemonAssembly {
    /// The service group: the Tickler service first, then `companions` (the watchdog), stopping gracefully on
    /// `gracefulShutdownSignals` (the companions stop first, the Tickler service last).
    /// - Parameters:
    ///   - configuration: the schedule's location, the state directory and the display zone.
    ///   - store: the state, opened (``openState(in:resetting:at:sink:logger:)`` for the daemon's file).
    ///   - clock: the wall clock.
    ///   - notifier: where sd_notify messages go.
    ///   - sink: where journal events go.
    ///   - reloadTrigger: what requests a reload.
    ///   - zoneWatch: what tells of time-zone changes, if anything.
    ///   - control: the way control requests reach the service (give the same channel to the control socket).
    ///   - companions: services that run beside it, such as the watchdog.
    ///   - gracefulShutdownSignals: the signals that stop the daemon cleanly.
    ///   - logger: the group's and the service's logger.
    public static func makeServiceGroup(
        configuration: DaemonConfiguration,
        store: any StateStore,
        clock: any WallClock,
        notifier: any ServiceNotifier,
        sink: any EventSink,
        reloadTrigger: ReloadTrigger,
        zoneWatch: (any ZoneChangeWatch)? = nil,
        control: DaemonControlChannel = DaemonControlChannel(),
        companions: [any Service] = [],
        gracefulShutdownSignals: [UnixSignal] = [],
        logger: Logger
    ) -> ServiceGroup {
        let service = TicklerService(
            configuration: configuration,
            store: store,
            clock: clock,
            notifier: notifier,
            sink: sink,
            reloadTrigger: reloadTrigger,
            zoneWatch: zoneWatch,
            control: control,
            logger: logger
        )
        return ServiceGroup(
            services: [service] + companions,
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
    }

    /// Where the production daemon's events go: straight to the journal under journald, else (the foreground mode)
    /// timestamped lines on stderr, with the diagnostics.
    static func productEventSink() -> any EventSink {
        switch LogDestination.choose(for: .current()) {
        case .journal: JournalEventSink()
        case .standardError: TerminalEventSink()
        }
    }

    /// The production daemon: the state in `state.sqlite` of the state directory, the system clock,
    /// `$NOTIFY_SOCKET`, events to the journal, `SIGHUP` to reload, the zone database's files watched for time-zone
    /// changes, the watchdog at half of `WatchdogSec=`, and
    /// `SIGTERM`/`SIGINT` to stop.
    /// - Parameters:
    ///   - configPath: `--config`, if given.
    ///   - stateDirectory: `--state-dir`, if given.
    ///   - resetState: `--reset-state`: move an unusable state file aside and start with a new one.
    ///   - controlSocket: `--control-socket`, if given (else the socket systemd hands over, else
    ///     ``TicklerControlProtocol/ControlProtocol/defaultSocketPath``, without which the daemon still runs).
    ///   - environment: the process environment.
    ///   - reloadTrigger: what requests a reload (`SIGHUP` through UnixSignals unless ticklerd receives it itself).
    ///   - gracefulShutdownSignals: the signals the group stops on (none when ticklerd receives them itself).
    ///   - logger: where diagnostics go (bootstrap `JournalLogHandler` first); events do not go through it.
    /// - Throws: ``StartupError`` when no state directory can be chosen or the state cannot be opened.
    public static func makeDaemon(
        configPath: String?,
        stateDirectory: String?,
        resetState: Bool = false,
        controlSocket: String? = nil,
        environment: [String: String],
        reloadTrigger: ReloadTrigger = .sighup,
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        logger: Logger
    ) throws(StartupError) -> ServiceGroup {
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.resolve(
                configPath: configPath,
                stateDirectory: stateDirectory,
                environment: environment
            )
        } catch {
            throw StartupError(location: error.path, problems: [error.explanation])
        }
        let clock = SystemWallClock()
        let sink = productEventSink()
        let store = try openState(
            in: configuration.stateDirectory,
            resetting: resetState,
            at: clock.now(),
            sink: sink,
            logger: logger
        )
        // Its connections outlive the group: freeing them at shutdown would start Dispatch's thread pool.
        (store as? SQLiteStateStore)?.keepUntilExit()
        let notifier = Notifier()
        let control = DaemonControlChannel()
        return makeServiceGroup(
            configuration: configuration,
            store: store,
            clock: clock,
            notifier: notifier,
            sink: sink,
            reloadTrigger: reloadTrigger,
            zoneWatch: SystemZoneWatch(database: .shared),
            control: control,
            companions: [
                WatchdogService(notifier: notifier, logger: logger),
                ControlServer.daemon(path: controlSocket, handler: control, logger: logger),
            ],
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
    }
}

extension DaemonAssembly {
    /// Opens the daemon's state, `state.sqlite` in `directory`, creating it at the first start.
    ///
    /// A state file that is empty, foreign, newer or damaged is refused with advice on how to recover, never taken
    /// for a fresh start; with `resetting` (`--reset-state`) such a file is moved aside
    /// (``StateRecovery/moveAside(_:at:)``) and a new state begins, which is said in a `state-error` entry. A sound
    /// state is never reset.
    /// - Parameters:
    ///   - directory: the state directory.
    ///   - resetting: whether to move an unusable state file aside.
    ///   - now: the time, for the name of a file moved aside.
    ///   - sink: where the `state-error` entries go.
    ///   - logger: for the advice, line by line (the problem itself is the `state-error` entry).
    /// - Throws: ``StartupError`` naming the file, the problem and what to do.
    public static func openState(
        in directory: StateDirectory,
        resetting: Bool,
        at now: Instant,
        sink: any EventSink,
        logger: Logger
    ) throws(StartupError) -> any StateStore {
        let path = directory.file(SQLiteStateStore.fileName)
        do {
            if resetting { try reset(path, at: now, sink: sink, logger: logger) }
            return try SQLiteStateStore(directory: directory)
        } catch {
            sink.emit(DaemonEvent(kind: .stateError, message: "\(error)"))
            let startup = StartupError(
                location: error.path,
                problems: [error.explanation],
                advice: StateRecovery.advice(for: error, stateDirectory: directory.path),
                isUnusableStateFile: error.code.isUnusableFile
            )
            for line in startup.advice { logger.error("\(line)") }
            throw startup
        }
    }

    /// `ticklerd --check-state` (run by `ticklerctl state check`): checks the state file read-only, thoroughly.
    /// - Parameters:
    ///   - stateDirectory: `--state-dir`, if given (else ``StateDirectory/locate(commandLine:environment:)``).
    ///   - json: whether to render the report as JSON.
    /// - Returns: the report to print, and whether the state is sound (exit status 0).
    public static func checkState(stateDirectory: String?, json: Bool) -> (report: String, sound: Bool) {
        let directory: StateDirectory
        do {
            directory = try StateDirectory.locate(
                commandLine: stateDirectory,
                environment: ProcessEnvironment.current()
            )
        } catch {
            return ("\(error)", false)
        }
        let report = SQLiteStateStore.inspect(path: directory.file(SQLiteStateStore.fileName), thorough: true)
        let text = json ? report.json(stateDirectory: directory.path) : report.text(stateDirectory: directory.path)
        return (text, report.isSound)
    }

    /// `--reset-state`: moves the state file at `path` aside when it is unusable, saying so; keeps a sound one.
    private static func reset(_ path: String, at now: Instant, sink: any EventSink, logger: Logger) throws(StateError) {
        let report = SQLiteStateStore.inspect(path: path, thorough: true)
        guard let problem = report.problem, problem.code.isUnusableFile else {
            if report.exists {
                logger.notice("--reset-state: the state in \(path) is sound and is kept as it is")
            }
            return
        }
        let moved = try StateRecovery.moveAside(path, at: now)
        sink.emit(
            DaemonEvent(
                kind: .stateError,
                message: "state reset (--reset-state): \(problem); moved it aside to \(moved) and starting with a "
                    + "new state: every obligation counts as first seen now, and nothing due before now fires"
            )
        )
    }

    /// Runs the production daemon until a graceful shutdown, logging through `JournalLogHandler` (journal under
    /// systemd, readable stderr lines on a terminal).
    /// - Parameters:
    ///   - configPath: `--config`, if given.
    ///   - stateDirectory: `--state-dir`, if given.
    ///   - resetState: `--reset-state`: move an unusable state file aside and start with a new one.
    ///   - reloadRequests: one element per `SIGHUP`, when ticklerd receives its signals itself (else UnixSignals).
    ///   - shutdownRequests: one element per `SIGTERM`/`SIGINT`, each a graceful shutdown (else UnixSignals).
    ///   - controlSocket: `--control-socket`, if given.
    /// - Throws: the reason it could not start or stopped with an error, after logging it.
    public static func runDaemon(
        configPath: String?,
        stateDirectory: String?,
        resetState: Bool = false,
        reloadRequests: AsyncStream<Void>? = nil,
        shutdownRequests: AsyncStream<Void>? = nil,
        controlSocket: String? = nil
    ) async throws {
        JournalLogHandler.bootstrap(identifier: "ticklerd")
        let logger = Logger(label: "ticklerd")
        do {
            let daemon = try makeDaemon(
                configPath: configPath,
                stateDirectory: stateDirectory,
                resetState: resetState,
                controlSocket: controlSocket,
                environment: ProcessEnvironment.current(),
                reloadTrigger: reloadRequests.map { .requests($0) } ?? .sighup,
                gracefulShutdownSignals: shutdownRequests == nil ? [.sigterm, .sigint] : [],
                logger: logger
            )
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let shutdownRequests {
                    group.addTask { for await _ in shutdownRequests { await daemon.triggerGracefulShutdown() } }
                }
                try await daemon.run()
                group.cancelAll()
            }
        } catch let error as StartupError {
            logger.critical("\(error.summary)")
            throw error
        } catch {
            logger.critical("ticklerd failed: \(error)")
            throw error
        }
    }
}
