public import TicklerCalendar

/// The identity of one fired event: obligation, due instant and stage. An event with a key is fired at most once.
public struct EventKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The obligation's id.
    public let obligationID: String
    /// The due instant the event belongs to.
    public let due: Instant
    /// The stage's key text: `remind-7d`, `due`, `overdue-3`.
    public let stage: String

    /// The key of the `stage` event of `obligationID` due at `due`.
    public init(obligationID: String, due: Instant, stage: String) {
        self.obligationID = obligationID
        self.due = due
        self.stage = stage
    }

    public var description: String { "\(obligationID)@\(due)/\(stage)" }

    public static func < (lhs: EventKey, rhs: EventKey) -> Bool {
        (lhs.obligationID, lhs.due, lhs.stage) < (rhs.obligationID, rhs.due, rhs.stage)
    }
}
