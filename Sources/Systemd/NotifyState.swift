/// One assignment of the sd_notify protocol, as a service sends it to its manager.
public enum NotifyState: Sendable, Equatable {
    /// `READY=1`: start-up, or a reload, is complete.
    case ready
    /// `STATUS=…`: a one-line human status; newlines become spaces.
    case status(String)
    /// `RELOADING=1` followed by `MONOTONIC_USEC=` (CLOCK_MONOTONIC now, in µs), as `Type=notify-reload` requires.
    case reloading
    /// `STOPPING=1`: the service is shutting down.
    case stopping
    /// `WATCHDOG=1`: a keep-alive ping.
    case watchdog
    /// `WATCHDOG_USEC=…`: a new watchdog interval in microseconds; 0 turns the watchdog off, for a service that has
    /// nothing to do and must not wake up to ping.
    case watchdogInterval(microseconds: UInt64)

    /// The `NAME=value` lines of this state; `monotonicMicroseconds` is used by `reloading` only.
    public func assignments(monotonicMicroseconds: UInt64) -> [String] {
        switch self {
        case .ready: ["READY=1"]
        case .status(let text): ["STATUS=" + Self.singleLine(text)]
        case .reloading: ["RELOADING=1", "MONOTONIC_USEC=\(monotonicMicroseconds)"]
        case .stopping: ["STOPPING=1"]
        case .watchdog: ["WATCHDOG=1"]
        case .watchdogInterval(let microseconds): ["WATCHDOG_USEC=\(microseconds)"]
        }
    }

    /// The datagram text for `states`, one assignment per line, in order.
    public static func message(for states: [NotifyState], monotonicMicroseconds: UInt64) -> String {
        states.flatMap { $0.assignments(monotonicMicroseconds: monotonicMicroseconds) }.joined(separator: "\n")
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
