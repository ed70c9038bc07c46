/// A calendar event (systemd.time(7) syntax) that could not be read, naming the part that is wrong.
public struct CalendarEventError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The specification as written.
    public let specification: String
    /// The offending part, as written (may be empty when the text ends too early).
    public let part: String
    /// What is wrong with it.
    public let reason: String

    /// An error about `part` of `specification`.
    public init(specification: String, part: String, reason: String) {
        self.specification = specification
        self.part = part
        self.reason = reason
    }

    /// `part: reason`, or the reason alone; callers add where the specification came from.
    public var description: String { part.isEmpty ? reason : "\(part): \(reason)" }
}
