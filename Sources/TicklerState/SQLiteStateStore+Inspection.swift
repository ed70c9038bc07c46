internal import GRDB
import TicklerCalendar

extension SQLiteStateStore {
    /// Checks the state file at `path` without changing it (read-only): that it is a non-empty SQLite database with
    /// Tickler's schema at a version this build knows, whether SQLite finds it intact, and what it holds.
    ///
    /// ticklerd runs it before opening the file and refuses a file with a problem; `ticklerctl state check` runs it
    /// with `thorough` to show it all.
    /// - Parameters:
    ///   - path: the state file.
    ///   - thorough: `PRAGMA integrity_check` (reads every page and index) instead of the faster `quick_check`.
    /// - Returns: what was found; ``StateReport/problem`` is the first problem, nil when the state is sound.
    public static func inspect(path: String, thorough: Bool) -> StateReport {
        var report = StateReport(path: path, exists: StateFile.exists(path))
        guard report.exists else { return report }
        do throws(StateError) {
            try StateFile.requireNonEmptyRegularFile(path)
        } catch {
            report.problem = error
            return report
        }
        var configuration = Self.configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer {
                try? queue.close()
                RetiredConnections.keep(queue)
            }
            try queue.read { db in try inspect(db, path: path, thorough: thorough, into: &report) }
        } catch {
            let problem = stateError(error, path: path, reason: "cannot read the database")
            let reason =
                switch problem.code {
                case .notADatabase: "not an SQLite database"
                case .corrupt: "the database is damaged"
                default: problem.reason
                }
            report.problem = StateError(problem.code, path: path, reason: reason, cause: problem.cause)
        }
        return report
    }

    /// The checks of ``inspect(path:thorough:)`` on an open database.
    private static func inspect(_ db: Database, path: String, thorough: Bool, into report: inout StateReport) throws {
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        report.integrity = try String.fetchAll(db, sql: thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check")
        guard report.integrity == ["ok"] else {
            let shown = report.integrity.prefix(3).joined(separator: "; ")
            let more = report.integrity.count > 3 ? " (and \(report.integrity.count - 3) more)" : ""
            report.problem = StateError(.corrupt, path: path, reason: "the database is damaged: \(shown)\(more)")
            return
        }
        guard tables.contains("grdb_migrations") else {
            let what = tables.isEmpty ? "no tables" : "the tables \(tables.sorted().joined(separator: ", "))"
            report.problem = StateError(
                .foreign,
                path: path,
                reason: "an SQLite database, but not Tickler's state: it has \(what)"
            )
            return
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        let known = migrationNames
        let unknown = applied.filter { !known.contains($0) }
        report.appliedMigrations = known.filter(applied.contains)
        report.pendingMigrations = known.filter { !applied.contains($0) }
        guard unknown.isEmpty else {
            report.problem = StateError(
                .newerSchema,
                path: path,
                reason: "written by a newer ticklerd: schema migrations \(unknown.joined(separator: ", ")) are "
                    + "unknown to this one (it knows \(known.joined(separator: ", ")))"
            )
            return
        }
        let required = ["obligation_seen", "fired_event", "checkpoint"]
        let missing = required.filter { !tables.contains($0) }
        guard applied.contains("v1"), missing.isEmpty else {
            report.problem = StateError(
                .foreign,
                path: path,
                reason: "not Tickler's state: "
                    + (missing.isEmpty ? "schema v1 is not applied" : "no table \(missing.joined(separator: ", "))")
            )
            return
        }
        report.firstSeenCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM obligation_seen")
        report.firedCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM fired_event")
        report.checkpoint = try Int64.fetchOne(db, sql: "SELECT instant_us FROM checkpoint WHERE id = 1")
            .map(Instant.init(microsecondsSinceEpoch:))
    }
}
