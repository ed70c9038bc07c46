/// One planned or fired event of an occurrence, as the views show it.
public struct EventView: Sendable, Hashable {
    /// The obligation's id.
    public var obligationID: String
    /// The obligation's title.
    public var title: String
    /// The stage: `remind-7d`, `due`, `overdue-3`, `escalated-1`.
    public var stage: String
    /// When it fires, microseconds since the Unix epoch.
    public var fireAt: Int64
    /// The occurrence's nominal due instant, microseconds since the Unix epoch.
    public var due: Int64
    /// The obligation's zone identifier (`Asia/Ho_Chi_Minh`), for showing times in it.
    public var zone: String
    /// The occurrence's state now.
    public var state: OccurrenceState
    /// Until when it is snoozed, when it is.
    public var snoozedUntil: Int64?

    /// Creates an event view.
    public init(
        obligationID: String,
        title: String,
        stage: String,
        fireAt: Int64,
        due: Int64,
        zone: String,
        state: OccurrenceState,
        snoozedUntil: Int64? = nil
    ) {
        self.obligationID = obligationID
        self.title = title
        self.stage = stage
        self.fireAt = fireAt
        self.due = due
        self.zone = zone
        self.state = state
        self.snoozedUntil = snoozedUntil
    }
}
