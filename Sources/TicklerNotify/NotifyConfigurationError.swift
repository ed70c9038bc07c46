/// notify.toml (or a drop-in) has problems: every one of every file, in file and line order.
public struct NotifyConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The problems.
    public let diagnostics: [NotifyDiagnostic]

    /// One line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
