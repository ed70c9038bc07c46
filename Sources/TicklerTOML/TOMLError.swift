/// Why a document is not valid TOML, and where: the first problem found, reading from the top.
///
/// The message names the part at fault and reads as a sentence fragment after the position, as compilers write:
/// `3:7: expected "=" after key "title", found "\""`.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is: the start of the token or construct at fault.
    public let position: TOMLPosition
    /// What is wrong, without the position.
    public let message: String

    /// A problem described by `message` at `position`.
    public init(_ message: String, at position: TOMLPosition) {
        self.message = message
        self.position = position
    }

    /// The 1-based line of the problem.
    public var line: Int { position.line }
    /// The 1-based column of the problem, in Unicode scalars.
    public var column: Int { position.column }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
