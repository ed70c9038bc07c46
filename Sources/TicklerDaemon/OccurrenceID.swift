import TicklerCalendar

/// One occurrence in the daemon: an obligation's id and a nominal due instant (microseconds since the epoch).
struct OccurrenceID: Hashable, Comparable, Sendable {
    /// The obligation's id.
    let obligationID: String
    /// The due instant, microseconds since the epoch.
    let due: Int64

    /// The occurrence of `obligationID` due at `due`.
    init(_ obligationID: String, due: Instant) {
        self.obligationID = obligationID
        self.due = due.microsecondsSinceEpoch
    }

    /// The due instant.
    var dueInstant: Instant { Instant(microsecondsSinceEpoch: due) }

    static func < (lhs: OccurrenceID, rhs: OccurrenceID) -> Bool {
        (lhs.due, lhs.obligationID) < (rhs.due, rhs.obligationID)
    }
}
