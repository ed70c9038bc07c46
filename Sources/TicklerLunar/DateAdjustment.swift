/// How a due date that falls on a day off moves: the schedule's `adjust` key.
public enum DateAdjustment: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// To the last working day before it.
    case previousWorkday = "previous-workday"
    /// To the first working day after it.
    case nextWorkday = "next-workday"
    /// It stays where it is.
    case none

    /// `previous-workday`, `next-workday` or `none`.
    public var description: String { rawValue }

    /// Parses `previous-workday`, `next-workday` or `none`.
    public init(parsing text: String) throws(LunarParseError) {
        guard let adjustment = DateAdjustment(rawValue: text) else {
            throw LunarParseError(
                kind: .adjustment,
                text: text,
                reason: "expected \"previous-workday\", \"next-workday\" or \"none\""
            )
        }
        self = adjustment
    }
}
