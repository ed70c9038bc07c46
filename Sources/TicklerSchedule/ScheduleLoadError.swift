/// Every problem found while loading a schedule; loading reports all of them, not just the first.
public struct ScheduleLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public let diagnostics: [ScheduleDiagnostic]

    /// Whether loading was given up because its task was cancelled (graceful shutdown), not for a problem.
    public let isCancellation: Bool

    /// An error listing `diagnostics`.
    public init(diagnostics: [ScheduleDiagnostic]) {
        self.diagnostics = diagnostics
        isCancellation = false
    }

    /// Loading given up in `file` because its task was cancelled; the one diagnostic says so.
    static func cancelled(in file: String) -> ScheduleLoadError {
        ScheduleLoadError(cancelledIn: file)
    }

    private init(cancelledIn file: String) {
        diagnostics = [
            ScheduleDiagnostic(
                file: file,
                line: nil,
                column: nil,
                scope: .file,
                key: nil,
                message: "loading given up: the service is stopping"
            )
        ]
        isCancellation = true
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
