public import Logging
public import ServiceLifecycle

/// A `Service` that sends `WATCHDOG=1` at half the watchdog interval until graceful shutdown.
///
/// When the watchdog is off (no `WatchdogSec=`), it sends nothing and just waits for graceful shutdown, so it can
/// always be added to a `ServiceGroup`.
public struct WatchdogService<C: Clock>: Service where C.Duration == Duration {
    /// Where the pings go.
    public let notifier: Notifier
    /// The watchdog interval; pings are sent every half of it. Nil: no pings.
    public let interval: Duration?
    private let clock: C
    private let logger: Logger?

    /// Creates a pinger for `interval` (by default the notifier's `watchdogInterval`) timed by `clock`.
    /// - Parameters:
    ///   - notifier: where `WATCHDOG=1` goes.
    ///   - interval: the watchdog interval; nil turns pinging off.
    ///   - clock: the clock to wait on.
    ///   - logger: where a failed ping is reported (at warning level), if anywhere.
    public init(notifier: Notifier, interval: Duration?, clock: C, logger: Logger? = nil) {
        self.notifier = notifier
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Pings until graceful shutdown (or cancellation), then returns normally.
    public func run() async throws {
        guard let interval, interval > .zero else {
            try? await gracefulShutdown()
            return
        }
        let period = interval / 2
        do {
            try await cancelWhenGracefulShutdown {
                var next = clock.now
                while true {
                    ping()
                    next = next.advanced(by: period)
                    try await clock.sleep(until: next, tolerance: nil)
                }
            }
        } catch is CancellationError {
            return
        }
    }

    private func ping() {
        do {
            try notifier.send(.watchdog)
        } catch {
            logger?.warning("watchdog ping failed: \(error)")
        }
    }
}

extension WatchdogService where C == ContinuousClock {
    /// Creates a pinger for the notifier's own watchdog interval on the continuous clock.
    public init(notifier: Notifier, logger: Logger? = nil) {
        self.init(notifier: notifier, interval: notifier.watchdogInterval, clock: ContinuousClock(), logger: logger)
    }
}
