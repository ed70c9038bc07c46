/// One thing that happened to an occurrence: an event fired, or a person acted on it.
public struct HistoryEntry: Sendable, Hashable {
    /// When, microseconds since the Unix epoch.
    public var at: Int64
    /// The occurrence's nominal due instant, microseconds since the Unix epoch.
    public var due: Int64
    /// The `TICKLER_EVENT=` name: `reminder`, `due`, `overdue`, `escalated`, `acknowledged`, `snoozed`, `skipped`,
    /// `reopened` (and, from the delivery service, `delivered`, `delivery-failed`, `delivery-dead`).
    public var event: String
    /// The stage of a fired event (`remind-7d`, `overdue-2`, `escalated-1`), nil for a person's action.
    public var stage: String?
    /// Who acted (the Unix user name), for a person's action.
    public var user: String?
    /// The note given with the action.
    public var note: String?
    /// For a snooze: until when.
    public var snoozedUntil: Int64?
    /// For a delivery outcome: the channel.
    public var channel: String?

    /// Creates an entry.
    public init(
        at: Int64,
        due: Int64,
        event: String,
        stage: String? = nil,
        user: String? = nil,
        note: String? = nil,
        snoozedUntil: Int64? = nil,
        channel: String? = nil
    ) {
        self.at = at
        self.due = due
        self.event = event
        self.stage = stage
        self.user = user
        self.note = note
        self.snoozedUntil = snoozedUntil
        self.channel = channel
    }
}
