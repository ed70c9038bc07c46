import Dispatch
internal import GRDB
public import TicklerCalendar

/// ticklerd's durable memory: when obligations were first seen, which events fired, and the processing checkpoint.
///
/// One SQLite file (`state.sqlite`) in WAL mode with `synchronous=FULL`, written in transactions, so a crash or power
/// loss leaves either the old or the new state. The schema evolves through named migrations (``migrationNames``).
public struct StateStore: Sendable {
    /// The database file's name inside the state directory.
    public static let fileName = "state.sqlite"

    /// The database file.
    public let path: String
    private let database: DatabasePool

    /// Opens (creating if needed) the store in `directory`, creating the directory (0700) first.
    /// - Throws: ``StateError`` naming the directory or file and the reason.
    public init(directory: StateDirectory) throws(StateError) {
        try directory.create()
        try self.init(path: directory.file(Self.fileName))
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: ``StateError`` naming the file and the reason.
    public init(path: String) throws(StateError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // GRDB's default is .userInitiated, whose Dispatch worker threads ask for nice -2 (setpriority), which the
        // unit's sandbox refuses and Dispatch then logs at notice before every event. A reminder daemon has no
        // reason to outrank other work: default QoS, nice 0.
        configuration.qos = .default
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw StateError(path: path, reason: Self.reason(error))
        }
    }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() async throws(StateError) -> [String] {
        try await read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// When each known obligation was first seen.
    public func firstSeen() async throws(StateError) -> [String: Instant] {
        try await read { db in
            var result: [String: Instant] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT obligation_id, first_seen_us FROM obligation_seen")
            while let row = try rows.next() {
                result[row[0]] = Instant(microsecondsSinceEpoch: row[1])
            }
            return result
        }
    }

    /// Records `instant` as the first-seen time of each of `ids` not seen before; earlier records are kept.
    /// - Returns: the first-seen time of every id in `ids`.
    public func recordFirstSeen(
        _ ids: some Collection<String> & Sendable,
        at instant: Instant
    ) async throws(StateError) -> [String: Instant] {
        try await write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO obligation_seen (obligation_id, first_seen_us) VALUES (?, ?)"
            )
            let select = try db.cachedStatement(
                sql: "SELECT first_seen_us FROM obligation_seen WHERE obligation_id = ?"
            )
            var result: [String: Instant] = [:]
            result.reserveCapacity(ids.count)
            for id in ids {
                try insert.execute(arguments: [id, instant.microsecondsSinceEpoch])
                let micros = try Int64.fetchOne(select, arguments: [id]) ?? instant.microsecondsSinceEpoch
                result[id] = Instant(microsecondsSinceEpoch: micros)
            }
            return result
        }
    }

    /// The instant up to which all events were processed, or nil before the first wake-up.
    public func checkpoint() async throws(StateError) -> Instant? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT instant_us FROM checkpoint WHERE id = 1")
                .map(Instant.init(microsecondsSinceEpoch:))
        }
    }

    /// Whether the event `key` has fired.
    public func hasFired(_ key: EventKey) async throws(StateError) -> Bool {
        try await read { db in try Self.hasFired(key, in: db) }
    }

    /// The subset of `keys` that have fired.
    public func fired(among keys: some Collection<EventKey> & Sendable) async throws(StateError) -> Set<EventKey> {
        try await read { db in
            var result: Set<EventKey> = []
            for key in keys where try Self.hasFired(key, in: db) { result.insert(key) }
            return result
        }
    }

    /// Every fired event, optionally of one obligation, ordered by fire time.
    public func firedEvents(obligationID: String? = nil) async throws(StateError) -> [FiredEvent] {
        try await read { db in
            let columns = "SELECT obligation_id, due_us, stage, fired_at_us FROM fired_event"
            let rows: [Row] =
                if let obligationID {
                    try Row.fetchAll(
                        db,
                        sql: "\(columns) WHERE obligation_id = ? ORDER BY fired_at_us, due_us, stage",
                        arguments: [obligationID]
                    )
                } else {
                    try Row.fetchAll(db, sql: "\(columns) ORDER BY fired_at_us, obligation_id, due_us, stage")
                }
            return rows.map { row in
                FiredEvent(
                    key: EventKey(
                        obligationID: row[0],
                        due: Instant(microsecondsSinceEpoch: row[1]),
                        stage: row[2]
                    ),
                    firedAt: Instant(microsecondsSinceEpoch: row[3])
                )
            }
        }
    }

    /// Records `events` as fired and moves the checkpoint to `checkpoint`, all in one transaction.
    ///
    /// An event already recorded keeps its first fire time.
    public func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError) {
        try await write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO fired_event (obligation_id, due_us, stage, fired_at_us)
                    VALUES (?, ?, ?, ?)
                    """
            )
            for event in events {
                try insert.execute(arguments: [
                    event.key.obligationID, event.key.due.microsecondsSinceEpoch, event.key.stage,
                    event.firedAt.microsecondsSinceEpoch,
                ])
            }
            try db.execute(
                sql: """
                    INSERT INTO checkpoint (id, instant_us) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET instant_us = excluded.instant_us
                    """,
                arguments: [checkpoint.microsecondsSinceEpoch]
            )
        }
    }

    private static func hasFired(_ key: EventKey, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM fired_event WHERE obligation_id = ? AND due_us = ? AND stage = ?)",
            arguments: [key.obligationID, key.due.microsecondsSinceEpoch, key.stage]
        ) ?? false
    }

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StateError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw StateError(path: path, reason: Self.reason(error))
        }
    }

    private func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StateError) -> T {
        do {
            return try await database.write(body)
        } catch {
            throw StateError(path: path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message.map { "SQLite error \(error.resultCode.rawValue): \($0)" } ?? "\(error)"
        }
        return "\(error)"
    }
}
