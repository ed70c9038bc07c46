import GRDB
import Testing
import TicklerCalendar
import TicklerDaemon

@Suite struct StateStoreTests {
    let t0 = Instant(secondsSinceEpoch: 1_800_000_000)

    @Test func freshDatabaseGetsEveryMigration() async throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try StateStore(directory: StateDirectory(path: temporary.file("state"), origin: .commandLine))
        #expect(store.path == temporary.file("state/state.sqlite"))
        #expect(try await store.appliedMigrations() == StateStore.migrationNames)
        #expect(StateStore.migrationNames.first == "v1")
        #expect(try await store.checkpoint() == nil)
        #expect(try await store.firstSeen().isEmpty)
    }

    @Test func existingDatabaseKeepsItsDataWhenReopened() async throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let key = EventKey(obligationID: "a", due: t0, stage: "due")
        do {
            let store = try StateStore(path: temporary.file("state.sqlite"))
            _ = try await store.recordFirstSeen(["a"], at: t0)
            try await store.record(fired: [FiredEvent(key: key, firedAt: t0)], checkpoint: t0)
        }
        let reopened = try StateStore(path: temporary.file("state.sqlite"))
        #expect(try await reopened.appliedMigrations() == StateStore.migrationNames)
        #expect(try await reopened.hasFired(key))
        #expect(try await reopened.firstSeen() == ["a": t0])
        #expect(try await reopened.checkpoint() == t0)
    }

    @Test func databaseOfVersion1IsMigratedForward() async throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        // A v1 database written by hand, as the first release left it.
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
                    INSERT INTO checkpoint VALUES (1, 1800000000000000);
                    """
            )
        }
        try queue.close()
        let store = try StateStore(path: temporary.file("state.sqlite"))
        #expect(try await store.appliedMigrations() == StateStore.migrationNames)
        #expect(try await store.firstSeen() == ["b": t0])
        #expect(try await store.hasFired(EventKey(obligationID: "b", due: t0, stage: "remind-7d")))
        #expect(try await store.checkpoint() == t0)
    }

    @Test func firstSeenIsKeptFromTheFirstRecord() async throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try StateStore(path: temporary.file("state.sqlite"))
        #expect(try await store.recordFirstSeen(["a", "b"], at: t0) == ["a": t0, "b": t0])
        let later = t0.adding(seconds: 3600)
        #expect(try await store.recordFirstSeen(["b", "c"], at: later) == ["b": t0, "c": later])
        #expect(try await store.firstSeen() == ["a": t0, "b": t0, "c": later])
    }

    @Test func firedEventsAndCheckpointAreWrittenTogether() async throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try StateStore(path: temporary.file("state.sqlite"))
        let first = EventKey(obligationID: "a", due: t0, stage: "remind-1d")
        let second = EventKey(obligationID: "a", due: t0, stage: "due")
        let unfired = EventKey(obligationID: "a", due: t0, stage: "overdue-1")
        try await store.record(fired: [FiredEvent(key: first, firedAt: t0.adding(seconds: -86_400))], checkpoint: t0)
        try await store.record(fired: [FiredEvent(key: second, firedAt: t0)], checkpoint: t0.adding(seconds: 1))
        // Recording the same event again keeps its first fire time.
        try await store.record(fired: [FiredEvent(key: first, firedAt: t0)], checkpoint: t0.adding(seconds: 2))
        #expect(try await store.checkpoint() == t0.adding(seconds: 2))
        #expect(try await store.fired(among: [first, second, unfired]) == [first, second])
        let events = try await store.firedEvents(obligationID: "a")
        #expect(events.map(\.key) == [first, second])
        #expect(events.first?.firedAt == t0.adding(seconds: -86_400))
    }

    @Test func unusablePathIsAClearError() {
        let error = #expect(throws: StateError.self) {
            try StateStore(path: "/proc/definitely/not/here/state.sqlite")
        }
        #expect(error?.description.contains("/proc/definitely/not/here/state.sqlite") == true)
    }
}
