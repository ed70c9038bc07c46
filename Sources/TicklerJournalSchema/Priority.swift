/// A syslog priority, as journald stores it in `PRIORITY=` (0 is the most severe).
///
/// All eight levels, `emerg` to `debug`: a product event's priority is written as it is, never through a logging
/// library's levels (swift-log has no `alert` and no `emerg`).
public enum Priority: Int, Sendable, CaseIterable, Comparable {
    /// `emerg`: the system is unusable.
    case emergency = 0
    /// `alert`: action must be taken immediately.
    case alert = 1
    /// `crit`: a critical condition.
    case critical = 2
    /// `err`: an error.
    case error = 3
    /// `warning`: a warning.
    case warning = 4
    /// `notice`: normal but significant.
    case notice = 5
    /// `info`: informational.
    case info = 6
    /// `debug`: debugging detail.
    case debug = 7

    /// The lower-case name `journalctl -p` accepts, e.g. `warning`.
    public var name: String {
        switch self {
        case .emergency: "emerg"
        case .alert: "alert"
        case .critical: "crit"
        case .error: "err"
        case .warning: "warning"
        case .notice: "notice"
        case .info: "info"
        case .debug: "debug"
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
