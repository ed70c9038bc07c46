/// What people did to one occurrence, as the daemon keeps it: whether it ended and how, whether it is snoozed, and a
/// revision for compare-and-set.
///
/// An occurrence nobody acted on has no record; its state follows from the clock alone. A record's ``revision``
/// grows by one with each transition, and a transition is written only when the stored revision is still the one it
/// was computed from, so two acknowledgements at once give one transition.
public struct OccurrenceRecord: Sendable, Hashable {
    /// The obligation's id.
    public var obligationID: String
    /// The occurrence's nominal due instant, microseconds since the Unix epoch.
    public var due: Int64
    /// How it ended: ``OccurrenceState/acknowledged`` or ``OccurrenceState/skipped``; nil while it is open.
    public var resolution: OccurrenceState?
    /// Until when its reminders and repeats are paused, microseconds since the epoch; nil when never snoozed (a past
    /// instant means the snooze is over).
    public var snoozedUntil: Int64?
    /// How many transitions it has had; 0 for an occurrence without a record.
    public var revision: Int

    /// Creates a record.
    public init(
        obligationID: String,
        due: Int64,
        resolution: OccurrenceState? = nil,
        snoozedUntil: Int64? = nil,
        revision: Int = 0
    ) {
        self.obligationID = obligationID
        self.due = due
        self.resolution = resolution
        self.snoozedUntil = snoozedUntil
        self.revision = revision
    }

    /// Whether the occurrence has ended (acknowledged or skipped): nothing fires for it any more.
    public var isEnded: Bool { resolution?.isEnded == true }

    /// Whether it is snoozed at `now` (microseconds since the epoch).
    public func isSnoozed(at now: Int64) -> Bool {
        !isEnded && (snoozedUntil.map { $0 > now } ?? false)
    }
}
