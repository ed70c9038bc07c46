/// A request to change one occurrence: which obligation, which due instant, what to do, and why.
public struct OccurrenceCommand: Sendable, Hashable {
    /// What to do.
    public var action: OccurrenceAction
    /// The obligation's id.
    public var obligationID: String
    /// The due date or date-time as the user wrote it (`2027-01-28`, `2027-01-28T08:00`), read in the obligation's
    /// zone by the daemon; nil means the oldest open occurrence (for `ack`, `snooze` and `skip`; `reopen` needs it).
    public var due: String?
    /// For ``OccurrenceAction/snooze``: how long, as a duration (`2h`, `3d`), counted from the daemon's now.
    public var snoozeFor: String?
    /// For ``OccurrenceAction/snooze``: until when, as a date-time (`2027-01-20T08:00`) in the obligation's zone, or
    /// with an offset.
    public var snoozeUntil: String?
    /// Free text kept in the history and the journal (`TICKLER_NOTE=`); required for ``OccurrenceAction/skip``.
    public var note: String?

    /// Creates a command.
    public init(
        action: OccurrenceAction,
        obligationID: String,
        due: String? = nil,
        snoozeFor: String? = nil,
        snoozeUntil: String? = nil,
        note: String? = nil
    ) {
        self.action = action
        self.obligationID = obligationID
        self.due = due
        self.snoozeFor = snoozeFor
        self.snoozeUntil = snoozeUntil
        self.note = note
    }
}
