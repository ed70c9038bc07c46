/// Every problem found while loading a schedule; loading reports all of them, not just the first.
public struct ScheduleLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public let diagnostics: [ScheduleDiagnostic]

    /// An error listing `diagnostics`.
    public init(diagnostics: [ScheduleDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
