/// What a carried-out ``OccurrenceCommand`` did.
public struct TransitionOutcome: Sendable, Hashable {
    /// The obligation's id.
    public var obligationID: String
    /// The occurrence's due instant, microseconds since the Unix epoch.
    public var due: Int64
    /// The obligation's zone identifier, for showing `due`.
    public var zone: String
    /// The state before.
    public var from: OccurrenceState
    /// The state after.
    public var to: OccurrenceState
    /// For a snooze: until when.
    public var snoozedUntil: Int64?

    /// Creates an outcome.
    public init(
        obligationID: String,
        due: Int64,
        zone: String,
        from: OccurrenceState,
        to: OccurrenceState,
        snoozedUntil: Int64? = nil
    ) {
        self.obligationID = obligationID
        self.due = due
        self.zone = zone
        self.from = from
        self.to = to
        self.snoozedUntil = snoozedUntil
    }
}
