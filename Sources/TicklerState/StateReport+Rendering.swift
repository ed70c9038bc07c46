import TicklerCalendar

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
        let problemJSON =
            problem.map { problem in
                var members = [
                    ("code", Self.quoted(problem.code.rawValue)), ("message", Self.quoted(problem.explanation)),
                ]
                if let code = problem.sqliteResultCode { members.append(("sqlite_result_code", String(code))) }
                return Self.object(members, indent: "  ")
            } ?? "null"
        let members: [(String, String)] = [
            ("path", Self.quoted(path)),
            ("exists", String(exists)),
            ("sound", String(isSound)),
            ("schema_version", schemaVersion.map(Self.quoted) ?? "null"),
            ("applied_migrations", Self.array(appliedMigrations)),
            ("pending_migrations", Self.array(pendingMigrations)),
            ("first_seen", firstSeenCount.map { String($0) } ?? "null"),
            ("fired", firedCount.map { String($0) } ?? "null"),
            ("checkpoint", checkpoint.map { Self.quoted($0.description) } ?? "null"),
            ("integrity", Self.array(integrity)),
            ("problem", problemJSON),
            ("advice", Self.array(advice(stateDirectory: stateDirectory))),
        ]
        return Self.object(members, indent: "")
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

    /// A JSON object of already rendered members, one per line, indented after `indent`.
    private static func object(_ members: [(String, String)], indent: String) -> String {
        let body = members.map { "\(indent)  \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
        return "{\n\(body)\n\(indent)}"
    }

    /// A JSON array of strings, on one line.
    private static func array(_ texts: [String]) -> String {
        "[" + texts.map(quoted).joined(separator: ", ") + "]"
    }

    /// `text` as a JSON string, escaped as RFC 8259 requires.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
