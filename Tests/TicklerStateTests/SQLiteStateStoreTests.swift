import Foundation
import GRDB
import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerState
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite struct SQLiteStateStoreTests {
    let t0 = Instant(secondsSinceEpoch: 1_800_000_000)

    @Test func freshDatabaseGetsEveryMigration() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = try SQLiteStateStore(directory: StateDirectory(path: temporary.file("state"), origin: .commandLine))
        #expect(store.path == temporary.file("state/state.sqlite"))
        #expect(try await store.appliedMigrations() == SQLiteStateStore.migrationNames)
        #expect(SQLiteStateStore.migrationNames == ["v1", "v2", "v3"])
        #expect(try await store.checkpoint() == nil)
        #expect(try await store.firstSeen().isEmpty)
    }

    @Test("first-seen records of more ids than one statement takes keep the stored times, duplicates included")
    func firstSeenInManyStatements() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        let early = (0..<300).map { "early-\($0)" }
        #expect(
            try await store.recordFirstSeen(early, at: t0) == Dictionary(uniqueKeysWithValues: early.map { ($0, t0) })
        )
        // 600 ids (two full statements and a part), half already known, one given twice.
        let later = t0.adding(seconds: 60)
        let fresh = (0..<300).map { "late-\($0)" }
        let seen = try await store.recordFirstSeen(early + fresh + ["late-7"], at: later)
        #expect(seen.count == 600)
        #expect(early.allSatisfy { seen[$0] == t0 } && fresh.allSatisfy { seen[$0] == later })
        #expect(try await store.firstSeen().count == 600)
    }

    /// The fired check sends its keys 256 to a statement: over two full statements and a part, exactly the keys
    /// that fired come back, the stage and the due instant both part of a key.
    @Test func firedAmongManyKeysInManyStatements() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        let keys = (0..<600).map {
            EventKey(obligationID: "o-\($0 % 200)", due: t0.adding(seconds: Int64($0)), stage: "due")
        }
        let fired = keys.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        try await store.record(fired: fired.map { FiredEvent(key: $0, firedAt: t0) }, checkpoint: t0)
        let other = keys.map { EventKey(obligationID: $0.obligationID, due: $0.due, stage: "3d") }
        #expect(try await store.fired(among: keys + other) == Set(fired))
        #expect(
            try await store.fired(among: Array(keys.prefix(256))) == Set(fired.filter { keys.prefix(256).contains($0) })
        )
    }

    @Test func aNewDatabaseIsBuiltBesideItsNameAndRenamedIntoPlace() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // Leftovers of a start killed while building the file, and a log without its database.
        try temporary.write("half-built", to: "state.sqlite.new")
        try temporary.write("stale log", to: "state.sqlite-wal")
        _ = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        #expect(!temporary.exists("state.sqlite.new"))
        let report = SQLiteStateStore.inspect(path: temporary.file("state.sqlite"), thorough: true)
        #expect(report.isSound)
        #expect(report.schemaVersion == "v3")
        #expect(report.integrity == ["ok"])
    }

    @Test func databaseOfVersion1IsMigratedForward() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // A v1 database written by hand, as the first release left it, with a lead written three ways.
        let queue = try DatabaseQueue(path: temporary.file("state.sqlite"))
        try await queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1');
                    CREATE TABLE obligation_seen (obligation_id TEXT PRIMARY KEY NOT NULL, first_seen_us INTEGER NOT NULL);
                    CREATE TABLE fired_event (obligation_id TEXT NOT NULL, due_us INTEGER NOT NULL, stage TEXT NOT NULL,
                        fired_at_us INTEGER NOT NULL, PRIMARY KEY (obligation_id, due_us, stage)) WITHOUT ROWID;
                    CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), instant_us INTEGER NOT NULL);
                    INSERT INTO obligation_seen VALUES ('b', 1800000000000000);
                    INSERT INTO fired_event VALUES ('b', 1800000000000000, 'remind-7d', 1800000000000000);
                    INSERT INTO fired_event VALUES ('b', 1800000000000000, 'remind-1w', 1799990000000000);
                    INSERT INTO fired_event VALUES ('b', 1800000000000000, 'remind-168h', 1800000100000000);
                    INSERT INTO fired_event VALUES ('b', 1800000000000000, 'remind-90min', 1800000000000000);
                    INSERT INTO fired_event VALUES ('b', 1800000000000000, 'remind-120s', 1800000000000000);
                    INSERT INTO fired_event VALUES ('b', 1800000000000000, 'due', 1800000000000000);
                    INSERT INTO checkpoint VALUES (1, 1800000000000000);
                    """
            )
        }
        try queue.close()
        let store = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        #expect(try await store.appliedMigrations() == SQLiteStateStore.migrationNames)
        #expect(try await store.firstSeen() == ["b": t0])
        #expect(try await store.checkpoint() == t0)
        // The three spellings of one week are one stage, keeping the earliest fire time.
        let events = try await store.firedEvents()
        #expect(events.map(\.key.stage).sorted() == ["due", "remind-2min", "remind-7d", "remind-90min"])
        #expect(events.first { $0.key.stage == "remind-7d" }?.firedAt == Instant(secondsSinceEpoch: 1_799_990_000))
    }

    /// The database ticklerd of commit 28a90bf left when killed (Fixtures/make-fixtures.sh), with its log.
    @Test func theStateOfThePreviousReleaseCarriesOverWithEveryRecord() async throws {
        let fixture = try #require(Self.fixtureDirectory)
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.copy(fixture + "/state.sqlite", to: "state.sqlite")
        try temporary.copy(fixture + "/state.sqlite-wal", to: "state.sqlite-wal")

        // What sqlite3 read from the same files when the fixture was made.
        let fired = try Self.lines(fixture + "/fired-events.txt").map { line in
            let fields = line.split(separator: "|").map(String.init)
            return (fields[0], Int64(fields[1])!, fields[2], Int64(fields[3])!)
        }
        let firstSeen = try Self.lines(fixture + "/first-seen.txt").map { line in
            let fields = line.split(separator: "|").map(String.init)
            return (fields[0], Instant(microsecondsSinceEpoch: Int64(fields[1])!))
        }
        let checkpoint = try #require(Int64(Self.lines(fixture + "/checkpoint.txt").first ?? ""))
        #expect(fired.count == 35)
        #expect(firstSeen.count == 5)

        let report = SQLiteStateStore.inspect(path: temporary.file("state.sqlite"), thorough: true)
        #expect(report.isSound)
        #expect(report.schemaVersion == "v1")
        #expect(report.pendingMigrations == ["v2", "v3"])
        #expect(report.firedCount == 35)

        let store = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3"])
        #expect(try await store.checkpoint() == Instant(microsecondsSinceEpoch: checkpoint))
        #expect(try await store.firstSeen() == Dictionary(uniqueKeysWithValues: firstSeen))
        let expected = fired.map { id, due, stage, firedAt in
            FiredEvent(
                key: EventKey(obligationID: id, due: Instant(microsecondsSinceEpoch: due), stage: stage),
                firedAt: Instant(microsecondsSinceEpoch: firedAt)
            )
        }
        let stored = try await store.firedEvents()
        #expect(stored.count == expected.count)
        #expect(Set(stored) == Set(expected))
        // The leads written `120s` and `1w` now carry their canonical names; nothing else changed.
        let stages = Set(stored.map(\.key.stage))
        #expect(stages.isSuperset(of: ["remind-2min", "remind-7d", "remind-4s", "remind-2s", "remind-1s", "due"]))
        #expect(!stages.contains("remind-1w") && !stages.contains("remind-120s"))
        #expect(fired.contains { $0.2 == "remind-1w" } && fired.contains { $0.2 == "remind-120s" })
        // v3 adds the occurrences' records and actions, empty, and they work at once.
        #expect(try await store.occurrences().isEmpty)
        let acknowledged = OccurrenceRecord(
            obligationID: stored[0].key.obligationID,
            due: stored[0].key.due.microsecondsSinceEpoch,
            resolution: .acknowledged,
            revision: 1
        )
        let ack = HistoryEntry(at: checkpoint, due: acknowledged.due, event: "acknowledged", user: "root")
        #expect(try await store.transition(to: acknowledged, action: ack))
        #expect(try await store.actions(obligationID: acknowledged.obligationID) == [ack])
        #expect(try await store.firedEvents().count == expected.count)

        // Opened again, it is what it was.
        let reopened = try SQLiteStateStore(path: temporary.file("state.sqlite"))
        #expect(try await reopened.firedEvents() == stored)
    }

    @Test func unusablePathIsAClearError() {
        let error = #expect(throws: StateError.self) {
            try SQLiteStateStore(path: "/proc/definitely/not/here/state.sqlite")
        }
        #expect(error?.description.contains("/proc/definitely/not/here/state.sqlite") == true)
        #expect(error?.code == .unavailable)
    }

    /// The fixtures copied beside the test bundle.
    static var fixtureDirectory: String? {
        Bundle.module.path(forResource: "Fixtures", ofType: nil).map { $0 + "/main-28a90bf" }
    }

    /// The non-empty lines of the text file at `path`.
    static func lines(_ path: String) throws -> [String] {
        let bytes = try #require(TemporaryDirectory.bytes(of: path))
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
