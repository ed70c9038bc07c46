/// A 128-bit journal `MESSAGE_ID`, kept as 32 lower-case hexadecimal digits.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The ID as journald stores it, e.g. `e6b96e6c4b04453280eecc44e0bb39aa`.
    public let hex: String

    /// Parses 32 hexadecimal digits, in either case, optionally with the dashes of the UUID form.
    /// - Throws: `JournalError.invalidMessageID` for anything else.
    public init(_ text: String) throws(JournalError) {
        let digits = text.lowercased().filter { $0 != "-" }
        let isHex = digits.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        guard digits.utf8.count == 32, isHex, Self.dashesAreValid(in: text) else {
            throw .invalidMessageID(text)
        }
        hex = digits
    }

    public var description: String { hex }

    /// Dashes are allowed only nowhere or exactly at the UUID positions 8-4-4-4-12.
    private static func dashesAreValid(in text: String) -> Bool {
        let positions = text.utf8.enumerated().filter { $0.element == UInt8(ascii: "-") }.map(\.offset)
        return positions.isEmpty || positions == [8, 13, 18, 23]
    }
}
