import Foundation
public import Logging
public import ServiceLifecycle
public import Systemd
import TicklerCalendar
public import TicklerJournalSchema
import TicklerPlatform

/// The notifier's main loop: read new entries into the delivery log, deliver what is due, report `STATUS=`, wait
/// for the journal or the next retry.
///
/// Without channels it reports so and waits for a reload or shutdown without waking up, its watchdog turned off. A
/// reload (each element of `reloads`: `SIGHUP`) re-reads the configuration between deliveries: `RELOADING=1`, then
/// the new channels — or, when the files have an error, the channels in force kept and the error logged — and
/// `READY=1`. Graceful shutdown ends a wait at once.
public struct NotifyService: Service {
    /// The channels at the start.
    public let configuration: NotifyConfiguration
    /// The file the configuration was looked for in, for `STATUS=`.
    public let configurationFile: String
    /// The delivery log.
    public let log: DeliveryLog
    /// The journal follower; nil when there are no channels at the start.
    public let follower: JournalFollower?
    /// Journals outcomes.
    public let sink: any EventSink
    /// sd_notify.
    public let notifier: Notifier
    /// Diagnostics.
    public let logger: Logger
    /// The reload requests, if any.
    public let reloads: AsyncStream<Void>?
    /// Reads the configuration again, for a reload (nil: a reload keeps the channels in force).
    public let loadConfiguration: (@Sendable () throws(NotifyConfigurationError) -> NotifyConfiguration)?
    /// Opens a journal follower, for a reload that brings the first channels.
    public let makeFollower: @Sendable () throws(JournalError) -> JournalFollower

    /// A service over its parts; without `reloads` it never reloads.
    public init(
        configuration: NotifyConfiguration,
        configurationFile: String,
        log: DeliveryLog,
        follower: JournalFollower?,
        sink: any EventSink,
        notifier: Notifier,
        logger: Logger,
        reloads: AsyncStream<Void>? = nil,
        loadConfiguration: (@Sendable () throws(NotifyConfigurationError) -> NotifyConfiguration)? = nil,
        makeFollower: @escaping @Sendable () throws(JournalError) -> JournalFollower = { try JournalFollower() }
    ) {
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.log = log
        self.follower = follower
        self.sink = sink
        self.notifier = notifier
        self.logger = logger
        self.reloads = reloads
        self.loadConfiguration = loadConfiguration
        self.makeFollower = makeFollower
    }

    public func run() async throws {
        let wakeUps = NotifyWakeUps()
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let reloads {
                    group.addTask { for await _ in reloads { wakeUps.requestReload() } }
                }
                defer { group.cancelAll() }
                try await serve(wakeUps)
            }
        } onGracefulShutdown: {
            wakeUps.requestStop()
        }
        send(.stopping)
    }

    /// What the loop works with: the channels in force, the follower (once there are channels) and whether the
    /// service manager's watchdog is on.
    private struct Current {
        /// The configuration in force.
        var configuration: NotifyConfiguration
        /// The follower, nil until there are channels.
        var follower: JournalFollower?
        /// Whether the watchdog is on (it is turned off while there are no channels).
        var watchdogOn: Bool
    }

    /// The loop: a turn of deliveries (or an idle wait without channels), then a reload if one was asked for.
    private func serve(_ wakeUps: NotifyWakeUps) async throws {
        var current = Current(configuration: configuration, follower: follower, watchdogOn: true)
        if !current.configuration.channels.isEmpty, let follower = current.follower {
            try follower.start(
                after: try await log.cursor(),
                now: Self.now(),
                backlogMicroseconds: current.configuration.retry.window
            )
        }
        wakeUps.wake(current.follower)
        send(.ready)
        while !wakeUps.isStopRequested {
            if let follower = current.follower, !current.configuration.channels.isEmpty {
                if !current.watchdogOn, let interval = notifier.watchdogInterval {
                    send(.watchdogInterval(microseconds: UInt64(interval.components.seconds) * 1_000_000))
                }
                current.watchdogOn = true
                await turn(follower, configuration: current.configuration)
            } else {
                if current.watchdogOn { send(.watchdogInterval(microseconds: 0)) }
                current.watchdogOn = false
                send(.status(status(current.configuration, queue: (0, nil, [])).description))
                await wakeUps.idle()
            }
            if wakeUps.takeReload() { await reload(&current, wakeUps: wakeUps) }
        }
    }

    /// One turn: read new entries, deliver what is due, report, then wait for the journal, the next retry or a
    /// request.
    private func turn(_ follower: JournalFollower, configuration: NotifyConfiguration) async {
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: sink)
        // The longest wait: half the watchdog interval, else a minute (the wait ends at once when the journal changes).
        let longest = notifier.watchdogInterval.map { UInt64($0.components.seconds) * 500_000 } ?? 60_000_000
        do {
            try await drain(follower)
            while try await dispatcher.dispatch(now: Self.now()) >= dispatcher.batchLimit {}
            let queue = try await log.queue()
            send(.status(status(configuration, queue: queue).description), .watchdog)
            var timeout = longest
            if let next = queue.nextAttemptAt {
                timeout = min(timeout, UInt64(clamping: max(0, next - Self.now())))
            }
            _ = await follower.wait(microseconds: max(timeout, 1000))
        } catch {
            logger.error("\(error)")
            send(.status("delivery log error: \(error)"))
            try? await Task.sleep(for: .seconds(5))
        }
    }

    /// Reads the configuration again: the new channels in force (a follower opened when they are the first), or,
    /// on an error, the ones in force kept and the error logged. `RELOADING=1` before, `READY=1` after.
    private func reload(_ current: inout Current, wakeUps: NotifyWakeUps) async {
        send(.reloading)
        defer { send(.ready) }
        guard let loadConfiguration else { return }
        do {
            let loaded = try loadConfiguration()
            if !loaded.channels.isEmpty, current.follower == nil {
                let opened = try makeFollower()
                try opened.start(
                    after: try await log.cursor(),
                    now: Self.now(),
                    backlogMicroseconds: loaded.retry.window
                )
                current.follower = opened
                wakeUps.wake(opened)
            }
            current.configuration = loaded
            logger.notice(
                "reloaded \(configurationFile): \(loaded.channels.count == 1 ? "1 channel" : "\(loaded.channels.count) channels")"
            )
        } catch {
            logger.error("reload failed; the channels in force stay: \(error)")
        }
    }

    /// Moves every new journal entry into the delivery log, with the cursor.
    private func drain(_ follower: JournalFollower) async throws {
        while true {
            let (events, cursor) = try follower.read(limit: 500)
            guard cursor != nil else { return }
            try await log.enqueue(events, cursor: cursor, now: Self.now())
        }
    }

    /// The status of `configuration` for `queue`.
    private func status(
        _ configuration: NotifyConfiguration,
        queue: (length: Int, nextAttemptAt: Int64?, failing: [String])
    ) -> NotifyStatus {
        NotifyStatus(
            channelCount: configuration.channels.count,
            configurationFile: configurationFile,
            queueLength: queue.length,
            failing: queue.failing,
            configurationFileExists: configuration.channels.isEmpty
                && FileManager.default.fileExists(atPath: configurationFile)
        )
    }

    /// Sends `states` to the service manager, logging a failure.
    private func send(_ states: NotifyState...) {
        do {
            try notifier.send(states)
        } catch {
            logger.warning("sd_notify failed: \(error)")
        }
    }

    /// The wall clock now, in microseconds since the Unix epoch.
    static func now() -> Int64 {
        Instant.now().microsecondsSinceEpoch
    }
}
