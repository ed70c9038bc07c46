/// An exec channel's settings.
public struct ExecSettings: Sendable, Hashable {
    /// The program (an absolute path) and its arguments, passed as they are: no shell reads them.
    public var command: [String]
    /// Variables set besides the event's `TICKLER_*` ones; `PATH` is `/usr/local/bin:/usr/bin:/bin` unless given.
    public var environment: [String: String]

    /// Settings with every value given.
    public init(command: [String], environment: [String: String] = [:]) {
        self.command = command
        self.environment = environment
    }
}
