/// A place in a TOML document: a 1-based line and a 1-based column.
///
/// Lines end at LF (a CRLF pair ends one line). Columns count Unicode scalars from the start of the line, so a
/// key after `"Sơn" = 1 #` has the column an editor shows, not a byte offset; a tab counts as one column.
public struct TOMLPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The line, stored compactly: documents are limited to fewer than 2³¹ bytes.
    private let storedLine: Int32
    /// The column, stored compactly.
    private let storedColumn: Int32

    /// The line, counting from 1.
    public var line: Int { Int(storedLine) }
    /// The column in Unicode scalars, counting from 1.
    public var column: Int { Int(storedColumn) }

    /// The position at `line` and `column` (both 1-based, below 2³¹).
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// Document order: by line, then by column.
    public static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}
