import TicklerCalendar
import TicklerControlProtocol

extension StateReport {
    /// The advice to show with this report: how to recover from its problem, if the file is unusable.
    /// - Parameter stateDirectory: the state directory, for the commands shown.
    public func advice(stateDirectory: String) -> [String] {
        problem.map { StateRecovery.advice(for: $0, stateDirectory: stateDirectory) } ?? []
    }

    /// The report for a person, one fact per line: file, schema, counts, checkpoint, integrity, verdict.
    /// - Parameter stateDirectory: the state directory, for the advice's commands.
    public func text(stateDirectory: String) -> String {
        var lines = ["state:      \(path)"]
        guard exists else {
            lines.append("problem:    no state file (ticklerd creates it at its first start)")
            return lines.joined(separator: "\n")
        }
        if let schemaVersion {
            let pending =
                pendingMigrations.isEmpty
                ? "current" : "ticklerd migrates it to \(pendingMigrations.last ?? "") when it starts"
            lines.append("schema:     \(schemaVersion) (\(pending))")
        }
        if let firstSeenCount { lines.append("first seen: \(Self.counted(firstSeenCount, "obligation"))") }
        if let firedCount { lines.append("fired:      \(Self.counted(firedCount, "event"))") }
        if firstSeenCount != nil { lines.append("checkpoint: \(checkpoint?.description ?? "none yet")") }
        if !integrity.isEmpty {
            lines.append("integrity:  \(integrity.prefix(10).joined(separator: "\n            "))")
            if integrity.count > 10 { lines.append("            (and \(integrity.count - 10) more)") }
        }
        if let problem {
            lines.append("problem:    \(problem.code.rawValue): \(problem.explanation)")
            lines += advice(stateDirectory: stateDirectory).map { "            " + $0 }
        } else {
            lines.append("result:     sound")
        }
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object: `path`, `exists`, `sound`, `schema_version`, `applied_migrations`,
    /// `pending_migrations`, `first_seen`, `fired`, `checkpoint`, `integrity`, `problem` (`code`, `message`, and
    /// `sqlite_result_code` when SQLite reported it) and `advice`.
    /// - Parameter stateDirectory: the state directory, for the advice's commands.
    public func json(stateDirectory: String) -> String {
        let problemJSON: JSONValue =
            problem.map { problem in
                var members: [(key: String, value: JSONValue)] = [
                    ("code", .string(problem.code.rawValue)), ("message", .string(problem.explanation)),
                ]
                if let code = problem.sqliteResultCode { members.append(("sqlite_result_code", .integer(Int(code)))) }
                return .object(members)
            } ?? .null
        let report: JSONValue = .object([
            ("path", .string(path)),
            ("exists", .bool(exists)),
            ("sound", .bool(isSound)),
            ("schema_version", .optional(schemaVersion)),
            ("applied_migrations", .strings(appliedMigrations)),
            ("pending_migrations", .strings(pendingMigrations)),
            ("first_seen", firstSeenCount.map { .integer($0) } ?? .null),
            ("fired", firedCount.map { .integer($0) } ?? .null),
            ("checkpoint", .optional(checkpoint?.description)),
            ("integrity", .strings(integrity)),
            ("problem", problemJSON),
            ("advice", .strings(advice(stateDirectory: stateDirectory))),
        ])
        return report.rendered()
    }

    /// `1 event`, `1,234 events`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        var digits = String(count)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + " " + noun + (count == 1 ? "" : "s")
    }
}
