/// One problem of notify.toml, with where it is and what it concerns:
/// `/etc/tickler/notify.toml:7:1: channel "chat": key "url": …`.
public struct NotifyDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based column, when known.
    public let column: Int?
    /// The channel the problem is in, if any.
    public let channel: String?
    /// The key the problem is about, if any.
    public let key: String?
    /// What is wrong.
    public let message: String

    /// A diagnostic at `file:line:column`.
    public init(file: String, line: Int?, column: Int?, channel: String?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.channel = channel
        self.key = key
        self.message = message
    }

    /// `file:line:column: channel "chat": key "url": message`.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var parts = [place]
        if let channel { parts.append("channel \"\(channel)\"") }
        if let key { parts.append("key \"\(key)\"") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
