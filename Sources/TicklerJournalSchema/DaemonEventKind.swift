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
    /// An occurrence passed an `escalate` delay without acknowledgement (`TICKLER_ESCALATION=1|2|…`).
    case escalated
    /// Someone acknowledged an occurrence: it is done (`TICKLER_USER`, `TICKLER_NOTE`).
    case acknowledged
    /// Someone snoozed an occurrence: its reminders and repeats pause until the time in the message.
    case snoozed
    /// Someone skipped an occurrence: it ends without being done, for the reason in `TICKLER_NOTE`.
    case skipped
    /// Someone reopened an ended occurrence: it is open (overdue) again.
    case reopened

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
        case .escalated: "09ca4a23b3d04e68bb8e2f97f8ab239c"
        case .acknowledged: "1603918d74b94450990bedcb0dd6b9a6"
        case .snoozed: "f7538944b7d3470097213a421eaec569"
        case .skipped: "95f5fbf3100e460fb74d3515126ebd2b"
        case .reopened: "67a62f3060d54b3eb1c263601fde7c0f"
        }
    }

    /// The syslog priority entries of this kind carry: for ``escalated``, its first step's (crit; later steps are
    /// alert, see ``priority(escalation:)``).
    public var priority: Priority {
        switch self {
        case .reminder, .zoneChanged, .acknowledged, .snoozed, .skipped: .notice
        case .due, .reopened, .deliveryFailed: .warning
        case .overdue, .reloadFailed, .stateError, .deliveryDead: .error
        case .escalated: .critical
        case .reloaded, .started, .stopping, .delivered: .info
        }
    }

    /// The priority of an entry of this kind at escalation step `step` (1, 2, …): each step above overdue's err —
    /// step 1 crit, step 2 and later alert; other kinds keep ``priority``.
    public func priority(escalation step: Int?) -> Priority {
        guard self == .escalated, let step, step >= 2 else { return priority }
        return .alert
    }

    /// The kind whose `TICKLER_EVENT=` value is `name`, if any.
    public init?(name: String) {
        self.init(rawValue: name)
    }
}
