/// A place in a schedule file: its path, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path of the file as it was given to the loader.
    public let file: String
    /// The line, counting from 1.
    public let line: Int
    /// The column in characters, counting from 1.
    public let column: Int

    /// A place in `file` at `line` and `column`.
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
