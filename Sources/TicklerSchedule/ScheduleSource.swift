/// The text of one schedule file and the path it is reported under.
public struct ScheduleSource: Hashable, Sendable {
    /// The path used in diagnostics.
    public let path: String
    /// The whole file, UTF-8 decoded.
    public let text: String
    /// Whether the file is a drop-in (`schedule.d/*.toml`): its `[defaults]` then apply to its own obligations only.
    public let isDropIn: Bool

    /// A file at `path` with content `text`.
    public init(path: String, text: String, isDropIn: Bool = false) {
        self.path = path
        self.text = text
        self.isDropIn = isDropIn
    }
}
