/// Why a text is not a JSON value the reader accepts, and where: the byte offset of the problem.
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offset of the byte where reading stopped, from 0.
    public var offset: Int
    /// What is wrong there (`expected ':' after an object key`).
    public var reason: String

    /// Creates an error.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "at byte \(offset): \(reason)" }
}
