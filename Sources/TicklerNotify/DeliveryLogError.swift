/// The delivery log could not be opened, read or written.
public struct DeliveryLogError: Error, Sendable, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// What was being done.
    public let action: String
    /// The underlying error (GRDB's, with SQLite's result code), as text.
    public let cause: String

    public var description: String { "\(path): cannot \(action): \(cause)" }
}
