public import Logging
public import ServiceLifecycle
public import Systemd
import TicklerCalendar
public import TicklerJournalSchema
import TicklerPlatform

/// The notifier's main loop: read new entries into the delivery log, deliver what is due, report `STATUS=`, wait
/// for the journal or the next retry.
///
/// Without channels it reports so and waits for shutdown without waking up, its watchdog turned off.
public struct NotifyService: Service {
    /// The channels.
    public let configuration: NotifyConfiguration
    /// The file the configuration was looked for in, for `STATUS=`.
    public let configurationFile: String
    /// The delivery log.
    public let log: DeliveryLog
    /// The journal follower; nil when there are no channels.
    public let follower: JournalFollower?
    /// Journals outcomes.
    public let sink: any EventSink
    /// sd_notify.
    public let notifier: Notifier
    /// Diagnostics.
    public let logger: Logger
    /// How far back a first start reads (no cursor yet), in microseconds: the retry window.
    public var backlog: Int64 { configuration.retry.window }

    /// A service over its parts.
    public init(
        configuration: NotifyConfiguration,
        configurationFile: String,
        log: DeliveryLog,
        follower: JournalFollower?,
        sink: any EventSink,
        notifier: Notifier,
        logger: Logger
    ) {
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.log = log
        self.follower = follower
        self.sink = sink
        self.notifier = notifier
        self.logger = logger
    }

    public func run() async throws {
        guard let follower, !configuration.channels.isEmpty else {
            send(.ready, .watchdogInterval(microseconds: 0), .status(status(queue: (0, nil, [])).description))
            try? await gracefulShutdown()
            send(.stopping)
            return
        }
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: sink)
        try follower.start(after: try await log.cursor(), now: Self.now(), backlogMicroseconds: backlog)
        send(.ready)
        // The longest wait: half the watchdog interval, else a minute (the wait ends at once when the journal changes).
        let longest = notifier.watchdogInterval.map { UInt64($0.components.seconds) * 500_000 } ?? 60_000_000
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await drain(follower)
                while try await dispatcher.dispatch(now: Self.now()) >= dispatcher.batchLimit {}
                let queue = try await log.queue()
                send(.status(status(queue: queue).description), .watchdog)
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
        send(.stopping)
    }

    /// Moves every new journal entry into the delivery log, with the cursor.
    private func drain(_ follower: JournalFollower) async throws {
        while true {
            let (events, cursor) = try follower.read(limit: 500)
            guard cursor != nil else { return }
            try await log.enqueue(events, cursor: cursor, now: Self.now())
        }
    }

    /// The status for `queue`.
    private func status(queue: (length: Int, nextAttemptAt: Int64?, failing: [String])) -> NotifyStatus {
        NotifyStatus(
            channelCount: configuration.channels.count,
            configurationFile: configurationFile,
            queueLength: queue.length,
            failing: queue.failing
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
