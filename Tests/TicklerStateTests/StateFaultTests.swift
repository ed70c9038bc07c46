import GRDB
import Testing
import TicklerCalendar
import TicklerState
import TicklerTestKit

/// State files that must be refused, never taken for a fresh start: what ticklerd's open and `state check` find.
@Suite struct StateFaultTests {
    /// A bad state file: how to make it, and the problem it must be refused with.
    struct Fault: Sendable, CustomTestStringConvertible {
        let name: String
        let code: StateError.Code
        let reason: String
        let make: @Sendable (TemporaryDirectory) throws -> Void
        var testDescription: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "empty (0 bytes)", code: .empty, reason: "the file is empty (0 bytes)") { temporary in
            try temporary.write("", to: "state.sqlite")
        },
        Fault(name: "not SQLite", code: .notADatabase, reason: "not an SQLite database") { temporary in
            try temporary.write(String(repeating: "[obligation]\nid = \"x\"\n", count: 400), to: "state.sqlite")
        },
        Fault(name: "SQLite without our schema", code: .foreign, reason: "not Tickler's state") { temporary in
            let queue = try DatabaseQueue(path: temporary.file("state.sqlite"))
            try queue.write {
                try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a')")
            }
            try queue.close()
        },
        Fault(name: "SQLite without any table", code: .foreign, reason: "it has no tables") { temporary in
            let queue = try DatabaseQueue(path: temporary.file("state.sqlite"))
            try queue.write { try $0.execute(sql: "CREATE TABLE t (x); DROP TABLE t") }
            try queue.close()
        },
        Fault(name: "a newer schema", code: .newerSchema, reason: "written by a newer ticklerd") { temporary in
            _ = try SQLiteStateStore(path: temporary.file("state.sqlite"))
            let queue = try DatabaseQueue(path: temporary.file("state.sqlite"))
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3-from-the-future')") }
            try queue.close()
        },
        Fault(name: "damaged pages", code: .corrupt, reason: "damaged") { temporary in
            try makeCorrupt(temporary)
        },
    ]

    @Test("refused at open with its code, and the file left as it was", arguments: faults)
    func refusedAtOpen(_ fault: Fault) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try fault.make(temporary)
        let before = TemporaryDirectory.bytes(of: temporary.file("state.sqlite"))
        let error = #expect(throws: StateError.self) {
            try SQLiteStateStore(path: temporary.file("state.sqlite"))
        }
        #expect(error?.code == fault.code)
        #expect(error?.code.isUnusableFile == true)
        #expect(error?.path == temporary.file("state.sqlite"))
        #expect(error?.description.contains(fault.reason) == true, "\(String(describing: error))")
        #expect(TemporaryDirectory.bytes(of: temporary.file("state.sqlite")) == before)
        // A read-only look may leave an empty log behind, never content.
        #expect(TemporaryDirectory.bytes(of: temporary.file("state.sqlite-wal")) ?? [] == [])
    }

    @Test("reported by the check", arguments: faults)
    func reportedByTheCheck(_ fault: Fault) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try fault.make(temporary)
        let report = SQLiteStateStore.inspect(path: temporary.file("state.sqlite"), thorough: true)
        #expect(report.exists)
        #expect(!report.isSound)
        #expect(report.problem?.code == fault.code)
    }

    @Test func theSQLiteResultCodeIsKept() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write(String(repeating: "not a database ", count: 400), to: "state.sqlite")
        let error = #expect(throws: StateError.self) { try SQLiteStateStore(path: temporary.file("state.sqlite")) }
        #expect(error?.sqliteResultCode == 26)  // SQLITE_NOTADB
        #expect(error?.description.contains("SQLite error 26") == true)
    }

    @Test func aSoundStateIsReportedWithWhatItHolds() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        let t0 = Instant(secondsSinceEpoch: 1_800_000_000)
        _ = try await store.recordFirstSeen(["a", "b", "c"], at: t0)
        let key = EventKey(obligationID: "a", due: t0, stage: "due")
        try await store.record(fired: [FiredEvent(key: key, firedAt: t0)], checkpoint: t0.adding(seconds: 60))
        let report = SQLiteStateStore.inspect(path: temporary.file("state.sqlite"), thorough: true)
        #expect(report.isSound)
        #expect(report.problem == nil)
        #expect(report.schemaVersion == "v3")
        #expect(report.pendingMigrations.isEmpty)
        #expect(report.firstSeenCount == 3)
        #expect(report.firedCount == 1)
        #expect(report.checkpoint == t0.adding(seconds: 60))
        #expect(report.integrity == ["ok"])
    }

    @Test func aMissingFileIsReportedAsMissing() {
        let report = SQLiteStateStore.inspect(path: "/nonexistent/state.sqlite", thorough: true)
        #expect(!report.exists)
        #expect(!report.isSound)
        #expect(report.problem == nil)
    }

    @Test func movingAsideKeepsTheFileAndItsLogUnderATimestampedName() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write("", to: "state.sqlite")
        try temporary.write("log", to: "state.sqlite-wal")
        let at = Instant(secondsSinceEpoch: 1_800_000_000)
        let moved = try StateRecovery.moveAside(temporary.file("state.sqlite"), at: at)
        #expect(moved == temporary.file("state.sqlite.broken-20270115T080000Z"))
        #expect(
            temporary.names() == ["state.sqlite.broken-20270115T080000Z", "state.sqlite.broken-20270115T080000Z-wal"]
        )
        // A second reset in the same second does not overwrite the first.
        try temporary.write("", to: "state.sqlite")
        #expect(throws: StateError.self) { try StateRecovery.moveAside(temporary.file("state.sqlite"), at: at) }
    }

    @Test func theAdviceNamesTheCheckTheResetAndTheManualWay() {
        let error = StateError(.empty, path: "/var/lib/tickler/state.sqlite", reason: "the file is empty")
        let advice = StateRecovery.advice(for: error, stateDirectory: "/var/lib/tickler").joined(separator: "\n")
        #expect(advice.contains("ticklerctl state check --state-dir /var/lib/tickler"))
        #expect(advice.contains("ticklerd --reset-state"))
        #expect(advice.contains("state.sqlite.broken-"))
        #expect(advice.contains("mv /var/lib/tickler/state.sqlite"))
        #expect(StateRecovery.advice(for: StateError(.full, path: "/x", reason: "full"), stateDirectory: "/").isEmpty)
    }

    /// A real state with enough rows for several pages, then garbage over an inner page of the table's B-tree.
    static func makeCorrupt(_ temporary: TemporaryDirectory) throws {
        let path = temporary.file("state.sqlite")
        _ = try SQLiteStateStore(path: path)
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.inTransaction {
                for index in 0..<3000 {
                    try db.execute(
                        sql: "INSERT INTO fired_event VALUES (?, ?, 'due', 0)",
                        arguments: ["obligation-\(index)", index]
                    )
                }
                return .commit
            }
        }
        try writer.close()
        var bytes = try #require(TemporaryDirectory.bytes(of: path))
        let pageSize = 4096
        #expect(bytes.count > 8 * pageSize)
        for offset in (3 * pageSize)..<(6 * pageSize) { bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
        try temporary.write(bytes: bytes, to: "state.sqlite")
    }
}
