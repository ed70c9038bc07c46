/// Why the daemon did not do what was asked, with a message for the user.
public struct ControlFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal; ticklerctl maps each to its exit status.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The caller may not do this (exit 4).
        case permissionDenied = "permission-denied"
        /// The request is malformed, too large or incomplete.
        case invalidRequest = "invalid-request"
        /// The request names a protocol version the daemon does not speak.
        case unsupportedVersion = "unsupported-version"
        /// No obligation has that id (in the schedule or the history).
        case unknownObligation = "unknown-obligation"
        /// No occurrence matches (no open one, or none due at the given date).
        case noSuchOccurrence = "no-such-occurrence"
        /// The occurrence is not in a state the action applies to (acknowledging one already acknowledged).
        case conflict
        /// The state could not be written; nothing changed.
        case stateError = "state-error"
    }

    /// The kind of refusal.
    public var code: Code
    /// What to tell the user, without the `ticklerctl:` prefix.
    public var message: String

    /// Creates a refusal.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
