/// The state directory or database could not be used.
public struct StateError: Error, Hashable, CustomStringConvertible {
    /// The file or directory concerned.
    public let path: String
    /// What went wrong with it.
    public let reason: String

    /// An error about `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "state \(path): \(reason)" }
}
