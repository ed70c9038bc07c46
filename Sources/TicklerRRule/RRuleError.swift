/// A recurrence rule that could not be read, naming the part that is wrong.
public struct RRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule part as written (`BYMONTH=13`), or empty when the problem concerns the rule as a whole.
    public let part: String
    /// What is wrong with it.
    public let reason: String

    /// An error about `part` (empty for the whole rule).
    public init(part: String, reason: String) {
        self.part = part
        self.reason = reason
    }

    /// `BYMONTH=13: month must be 1…12`, or just the reason when no single part is to blame.
    public var description: String { part.isEmpty ? reason : "\(part): \(reason)" }
}
