/// The kinds of journal event ticklerd and tickler-notify write, each with its fixed `MESSAGE_ID` and syslog priority.
///
/// The names, ids and priorities are Tickler's interface: README "The journal entries", the message catalogs in
/// `Deploy/` (one block per id, checked by a test) and the system test depend on them.
public enum DaemonEventKind: String, Sendable, Hashable, CaseIterable {
    /// A lead-time reminder before a due time.
    case reminder
    /// The due time itself.
    case due
    /// A repeat after the due time.
    case overdue
    /// The schedule was re-read successfully.
    case reloaded
    /// Re-reading the schedule failed; the previous one stays in force.
    case reloadFailed = "reload-failed"
    /// The daemon started and is ready.
    case started
    /// The daemon is shutting down.
    case stopping
    /// The state database could not be read or written.
    case stateError = "state-error"
    /// The system time zone or the rules of a zone in use changed; the plan was computed again.
    case zoneChanged = "zone-changed"
    /// tickler-notify delivered an event to a channel.
    case delivered
    /// A delivery attempt failed for a reason that may pass; it is retried.
    case deliveryFailed = "delivery-failed"
    /// A delivery was given up: a permanent failure, or 24 hours of failed attempts.
    case deliveryDead = "delivery-dead"

    /// The `TICKLER_EVENT=` value.
    public var name: String { rawValue }

    /// The stable 128-bit `MESSAGE_ID` of this kind, as in the message catalog: 32 lower-case hexadecimal digits.
    public var messageID: String {
        switch self {
        case .reminder: "e6b96e6c4b04453280eecc44e0bb39aa"
        case .due: "f4e291e60b98407581fcb1e702e90334"
        case .overdue: "5aafb26a11834a03ad1787cc342fc0d7"
        case .reloaded: "22384202e98e4b2fa697542d80b8a09e"
        case .reloadFailed: "34cd325ee4054372bd579f345a53ecba"
        case .started: "06a01c068e364f58b33fb70dd5aaf78b"
        case .stopping: "0f1322fff8a04ce29177407843361b20"
        case .stateError: "31f5bf3a97344af2a1b4cef8a5433795"
        case .zoneChanged: "3c2b0752cd0d4b469123b15d82ab29e8"
        case .delivered: "640df82839104fda80cbc8f2db5f69cd"
        case .deliveryFailed: "390d85aebb1447afae74d978e1bb3e31"
        case .deliveryDead: "722f667f3f3d436b9dca7254c4fd4851"
        }
    }

    /// The syslog priority entries of this kind carry.
    public var priority: Priority {
        switch self {
        case .reminder, .zoneChanged: .notice
        case .due, .deliveryFailed: .warning
        case .overdue, .reloadFailed, .stateError, .deliveryDead: .error
        case .reloaded, .started, .stopping, .delivered: .info
        }
    }

    /// The kind whose `TICKLER_EVENT=` value is `name`, if any.
    public init?(name: String) {
        self.init(rawValue: name)
    }
}
