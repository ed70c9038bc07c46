/// One problem found while loading a schedule, with where it is and what it concerns.
///
/// Its description reads like a compiler's:
/// `/etc/tickler/schedule.toml:14:1: obligation "labour-agreement-van-son": key "every": invalid duration "5q": …`.
public struct ScheduleDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// What part of the file the problem belongs to.
    public enum Scope: Hashable, Sendable {
        /// The file as a whole (a syntax error, an unknown table, a path with no schedule).
        case file
        /// The `[defaults]` table.
        case defaults
        /// An `[[obligation]]` table: its id when it has a readable one, and its 1-based position in its file.
        case obligation(id: String?, index: Int)
    }

    /// The file, or the configuration path when no file could be read.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based column, when known.
    public let column: Int?
    /// The table the problem is in.
    public let scope: Scope
    /// The key the problem is about, if it is about one.
    public let key: String?
    /// What is wrong, naming the bad part.
    public let message: String

    /// A diagnostic at `file:line:column`.
    public init(file: String, line: Int?, column: Int?, scope: Scope, key: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.scope = scope
        self.key = key
        self.message = message
    }

    /// The id of the obligation concerned, when it has one.
    public var obligationID: String? {
        if case .obligation(let id, _) = scope { return id }
        return nil
    }

    /// `file:line:column: obligation "id": key "every": message`.
    public var description: String {
        var parts: [String] = []
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        parts.append(place)
        switch scope {
        case .file: break
        case .defaults: parts.append("[defaults]")
        case .obligation(let id?, _): parts.append("obligation \"\(id)\"")
        case .obligation(nil, let index): parts.append("obligation #\(index)")
        }
        if let key { parts.append("key \"\(key)\"") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
