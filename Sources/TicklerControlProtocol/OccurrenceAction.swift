/// What a person does to an occurrence through `ticklerctl`: acknowledge, snooze, skip or reopen it.
public enum OccurrenceAction: String, Sendable, Hashable, CaseIterable {
    /// `ticklerctl ack`: the occurrence is done.
    case acknowledge = "ack"
    /// `ticklerctl snooze`: pause reminders and repeats until an instant.
    case snooze
    /// `ticklerctl skip`: end the occurrence without doing it (a note is required).
    case skip
    /// `ticklerctl reopen`: put an ended occurrence back to overdue.
    case reopen

    /// The journal's `TICKLER_EVENT=` value for this action: `acknowledged`, `snoozed`, `skipped`, `reopened`.
    public var eventName: String {
        switch self {
        case .acknowledge: "acknowledged"
        case .snooze: "snoozed"
        case .skip: "skipped"
        case .reopen: "reopened"
        }
    }
}
