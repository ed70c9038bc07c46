import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sends sd_notify messages to the service manager named by `$NOTIFY_SOCKET`; does nothing when there is none.
///
/// Create it once at start-up (it reads the environment then) and pass it by value.
public struct Notifier: Sendable {
    /// The value of `$NOTIFY_SOCKET` when this notifier was created, or nil when not run by a service manager.
    public let socketPath: String?
    /// The watchdog interval the manager expects pings within (`WatchdogSec=`), or nil when the watchdog is off.
    public let watchdogInterval: Duration?

    /// Creates a notifier from the process environment (`NOTIFY_SOCKET`, `WATCHDOG_USEC`, `WATCHDOG_PID`).
    public init() {
        socketPath = getenv("NOTIFY_SOCKET").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var usec: UInt64 = 0
        if sd_watchdog_enabled(0, &usec) > 0, usec > 0 {
            watchdogInterval = .microseconds(Int64(clamping: usec))
        } else {
            watchdogInterval = nil
        }
    }

    /// Whether messages go anywhere, i.e. `$NOTIFY_SOCKET` was set.
    public var isActive: Bool { socketPath != nil }

    /// Sends `states` together in one datagram; a no-op when not under a service manager.
    /// - Throws: `NotifyError` when the socket is set but the datagram cannot be sent.
    public func send(_ states: NotifyState...) throws(NotifyError) {
        try send(states)
    }

    /// Sends `states` together in one datagram; a no-op when not under a service manager.
    /// - Throws: `NotifyError` when the socket is set but the datagram cannot be sent.
    public func send(_ states: [NotifyState]) throws(NotifyError) {
        guard isActive, !states.isEmpty else { return }
        let message = NotifyState.message(for: states, monotonicMicroseconds: MonotonicClock.microseconds())
        let result = sd_notify(0, message)
        if result < 0 {
            throw NotifyError(message: message, code: -result)
        }
    }
}
