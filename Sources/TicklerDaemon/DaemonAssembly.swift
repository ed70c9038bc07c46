public import Logging
public import ServiceLifecycle
import Systemd
public import TicklerJournalSchema
import TicklerPlatform
import TicklerSchedule
public import UnixSignals

/// Assembles ticklerd: the same function builds the real daemon and, with in-memory parts, the one tests run.
public enum DaemonAssembly {
    /// The service group: the Tickler service first, then `companions` (the watchdog), stopping gracefully on
    /// `gracefulShutdownSignals` (the companions stop first, the Tickler service last).
    /// - Parameters:
    ///   - configuration: the schedule's location, the state directory and the display zone.
    ///   - clock: the wall clock.
    ///   - notifier: where sd_notify messages go.
    ///   - sink: where journal events go.
    ///   - reloadTrigger: what requests a reload.
    ///   - zoneWatch: what tells of time-zone changes, if anything.
    ///   - companions: services that run beside it, such as the watchdog.
    ///   - gracefulShutdownSignals: the signals that stop the daemon cleanly.
    ///   - logger: the group's and the service's logger.
    public static func makeServiceGroup(
        configuration: DaemonConfiguration,
        clock: any WallClock,
        notifier: any ServiceNotifier,
        sink: any EventSink,
        reloadTrigger: ReloadTrigger,
        zoneWatch: (any ZoneChangeWatch)? = nil,
        companions: [any Service] = [],
        gracefulShutdownSignals: [UnixSignal] = [],
        logger: Logger
    ) -> ServiceGroup {
        let service = TicklerService(
            configuration: configuration,
            clock: clock,
            notifier: notifier,
            sink: sink,
            reloadTrigger: reloadTrigger,
            zoneWatch: zoneWatch,
            logger: logger
        )
        return ServiceGroup(
            services: [service] + companions,
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
    }

    /// Where the production daemon's events go: straight to the journal under journald, else (the foreground mode)
    /// timestamped lines on stdout.
    static func productEventSink() -> any EventSink {
        switch LogDestination.choose(for: .current()) {
        case .journal: JournalEventSink()
        case .standardError: TerminalEventSink()
        }
    }

    /// The production daemon: the system clock, `$NOTIFY_SOCKET`, events to the journal, `SIGHUP` to reload, the
    /// zone database's files watched for time-zone changes, the watchdog at half of `WatchdogSec=`, and
    /// `SIGTERM`/`SIGINT` to stop.
    /// - Parameters:
    ///   - configPath: `--config`, if given.
    ///   - stateDirectory: `--state-dir`, if given.
    ///   - environment: the process environment.
    ///   - logger: where diagnostics go (bootstrap `JournalLogHandler` first); events do not go through it.
    /// - Throws: ``StateError`` when no state directory can be chosen.
    public static func makeDaemon(
        configPath: String?,
        stateDirectory: String?,
        environment: [String: String],
        logger: Logger
    ) throws(StateError) -> ServiceGroup {
        let configuration = try DaemonConfiguration.resolve(
            configPath: configPath,
            stateDirectory: stateDirectory,
            environment: environment
        )
        let notifier = Notifier()
        return makeServiceGroup(
            configuration: configuration,
            clock: SystemWallClock(),
            notifier: notifier,
            sink: productEventSink(),
            reloadTrigger: .sighup,
            zoneWatch: SystemZoneWatch(database: .shared),
            companions: [WatchdogService(notifier: notifier, logger: logger)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
    }
}

extension DaemonAssembly {
    /// Runs the production daemon until a graceful shutdown, logging through `JournalLogHandler` (journal under
    /// systemd, readable stderr lines on a terminal).
    /// - Parameters:
    ///   - configPath: `--config`, if given.
    ///   - stateDirectory: `--state-dir`, if given.
    /// - Throws: the reason it could not start or stopped with an error, after logging it.
    public static func runDaemon(configPath: String?, stateDirectory: String?) async throws {
        JournalLogHandler.bootstrap(identifier: "ticklerd")
        let logger = Logger(label: "ticklerd")
        do {
            let daemon = try makeDaemon(
                configPath: configPath,
                stateDirectory: stateDirectory,
                environment: ProcessEnvironment.current(),
                logger: logger
            )
            try await daemon.run()
        } catch let error as StartupError {
            logger.critical("\(error.summary)")
            throw error
        } catch {
            logger.critical("ticklerd failed: \(error)")
            throw error
        }
    }
}
