/// The text of one schedule file and the path it is reported under.
public struct ScheduleSource: Hashable, Sendable {
    /// The path used in diagnostics.
    public let path: String
    /// The whole file, UTF-8 decoded.
    public let text: String

    /// A file at `path` with content `text`.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
