/// One obligation of the running schedule with its next occurrence, for `ticklerctl list`.
public struct ObligationView: Sendable, Hashable {
    /// The obligation's id.
    public var obligationID: String
    /// The obligation's title.
    public var title: String
    /// How it recurs, as written (`rrule = "FREQ=YEARLY"`, `lunar = "1-1"`, …), for the listing.
    public var rule: String
    /// The zone identifier.
    public var zone: String
    /// The oldest open occurrence's due instant (or the next one when none is open), microseconds since the epoch.
    public var due: Int64?
    /// That occurrence's state.
    public var state: OccurrenceState?
    /// Until when it is snoozed, when it is.
    public var snoozedUntil: Int64?

    /// Creates a row.
    public init(
        obligationID: String,
        title: String,
        rule: String,
        zone: String,
        due: Int64?,
        state: OccurrenceState?,
        snoozedUntil: Int64? = nil
    ) {
        self.obligationID = obligationID
        self.title = title
        self.rule = rule
        self.zone = zone
        self.due = due
        self.state = state
        self.snoozedUntil = snoozedUntil
    }
}
