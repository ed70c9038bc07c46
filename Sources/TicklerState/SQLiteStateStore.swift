import Dispatch
internal import GRDB
import Synchronization
public import TicklerCalendar

/// The state store in one SQLite file (`state.sqlite`), through GRDB.
///
/// WAL mode with `synchronous=FULL`, written in transactions, so a crash or power loss leaves either the old or the
/// new state. The schema evolves through named migrations (``migrationNames``). A new file is built beside its
/// final name and renamed into place, so `state.sqlite`, once it exists, always holds the schema: a file that is
/// empty, foreign, newer or damaged is refused (``StateError/Code/isUnusableFile``), never taken for a fresh start.
///
/// On a full disk a write fails with ``StateError/Code/full``; the store then gives back the space its write-ahead
/// log took (a truncating checkpoint) and does not touch the file again until the file system has
/// ``minimumFreeBytes`` free, so that it never keeps refilling the disk that the journal needs too.
public final class SQLiteStateStore: StateStore {
    /// The database file's name inside the state directory.
    public static let fileName = "state.sqlite"

    /// The free space a write waits for after the disk was found full: 1 MiB.
    public static let minimumFreeBytes: Int64 = 1 << 20

    /// The database file.
    public let path: String
    private let database: DatabasePool
    /// Whether the last write failed on a full disk.
    private let diskFull = Mutex(false)

    /// Opens the store in `directory`, creating the directory (0700) and a new database in it when there is none.
    /// - Throws: ``StateError`` naming the directory or file and the reason; an unusable file is refused.
    public convenience init(directory: StateDirectory) throws(StateError) {
        try directory.create()
        try self.init(path: directory.file(Self.fileName))
    }

    /// Opens the database at `path` (creating it when missing), checks it and brings its schema up to date.
    /// - Throws: ``StateError`` naming the file and the reason; an empty, foreign, newer or damaged file is refused.
    public init(path: String) throws(StateError) {
        self.path = path
        if !StateFile.exists(path) { try Self.create(at: path) }
        let report = Self.inspect(path: path, thorough: false)
        if let problem = report.problem { throw problem }
        var configuration = Self.configuration()
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw Self.stateError(error, path: path, reason: "cannot open the database")
        }
    }

    /// Keeps this store's pool, open, until the process ends, even after the store is gone: ticklerd does, so that
    /// its shutdown frees no GRDB connection and so starts no Dispatch thread (``RetiredConnections``).
    public func keepUntilExit() {
        RetiredConnections.keep(database)
    }

    public var location: String { path }

    /// The migrations applied to this database, oldest first.
    /// - Throws: ``StateError`` when the database cannot be read.
    public func appliedMigrations() async throws(StateError) -> [String] {
        try await read { db in try Self.migrator.appliedMigrations(db) }
    }

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

    public func recordFirstSeen(_ ids: [String], at instant: Instant) async throws(StateError) -> [String: Instant] {
        try await write(reason: "cannot record first-seen obligations") { db in
            var result: [String: Instant] = [:]
            result.reserveCapacity(ids.count)
            // 256 ids a statement, not one: an insert and a lookup per id made 100,000 new obligations cost 200,000
            // statements. The ids' VALUES table drives the lookup, one primary-key search each. The stored times are
            // read first and only the ids without one are inserted: a restart (every id known) inserts nothing, a
            // first start reads nothing back.
            for chunk in Self.chunks(of: ids) {
                let rows = try Row.fetchCursor(
                    try Self.firstSeenSelectSQL.statement(rows: chunk.count, in: db),
                    arguments: StatementArguments(Array(chunk))
                )
                while let row = try rows.next() {
                    result[row[0]] = Instant(microsecondsSinceEpoch: row[1])
                }
            }
            let unknown = ids.filter { result[$0] == nil }
            for chunk in Self.chunks(of: unknown) {
                var pairArguments = StatementArguments()
                for id in chunk { pairArguments += [id, instant.microsecondsSinceEpoch] }
                try Self.firstSeenInsertSQL.statement(rows: chunk.count, in: db).execute(arguments: pairArguments)
            }
            for id in ids where result[id] == nil { result[id] = instant }
            // The first record also starts the checkpoint, in the same transaction: a crash after it loses nothing
            // that falls due after the first start, since the next start catches up from here.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO checkpoint (id, instant_us)
                    SELECT 1, min(coalesce((SELECT min(first_seen_us) FROM obligation_seen), ?), ?)
                    """,
                arguments: [instant.microsecondsSinceEpoch, instant.microsecondsSinceEpoch]
            )
            return result
        }
    }

    public func checkpoint() async throws(StateError) -> Instant? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT instant_us FROM checkpoint WHERE id = 1")
                .map(Instant.init(microsecondsSinceEpoch:))
        }
    }

    public func latestFiring() async throws(StateError) -> Instant? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT max(fired_at_us) FROM fired_event")
                .map(Instant.init(microsecondsSinceEpoch:))
        }
    }

    /// The most keys ``fired(among:)`` asks about in one query (three parameters each, well within SQLite's
    /// limit of 32,766).
    static let keysPerQuery = 256

    /// Recording first-seen ids: read the stored times, then insert the ids without one.
    static let firstSeenInsertSQL = ChunkedSQL(
        "INSERT OR IGNORE INTO obligation_seen (obligation_id, first_seen_us) VALUES ",
        row: "(?, ?)"
    )
    static let firstSeenSelectSQL = ChunkedSQL(
        "WITH wanted(id) AS (VALUES ",
        row: "(?)",
        ")\nSELECT id, first_seen_us FROM wanted CROSS JOIN obligation_seen ON obligation_id = id"
    )
    /// Which of a burst's events fired before.
    static let firedSelectSQL = ChunkedSQL(
        "WITH wanted(obligation, due, stage) AS (VALUES ",
        row: "(?, ?, ?)",
        """
        )
        SELECT obligation, due, wanted.stage FROM wanted CROSS JOIN fired_event
        ON obligation_id = obligation AND due_us = due AND fired_event.stage = wanted.stage
        """
    )

    /// `keys` in runs of ``keysPerQuery``, the last one shorter.
    static func chunks<Key>(of keys: [Key]) -> [ArraySlice<Key>] {
        stride(from: 0, to: keys.count, by: keysPerQuery).map { keys[$0..<min($0 + keysPerQuery, keys.count)] }
    }

    public func fired(among keys: [EventKey]) async throws(StateError) -> Set<EventKey> {
        try await read { db in
            // One query per 256 keys rather than one per key: a burst of 1,000 events costs 4 queries. The keys
            // form a VALUES table that drives the join, so that each is one primary-key lookup (with IN instead,
            // SQLite would scan the whole table).
            var result: Set<EventKey> = []
            for chunk in Self.chunks(of: keys) {
                let statement = try Self.firedSelectSQL.statement(rows: chunk.count, in: db)
                var arguments = StatementArguments()
                for key in chunk { arguments += [key.obligationID, key.due.microsecondsSinceEpoch, key.stage] }
                let rows = try Row.fetchCursor(statement, arguments: arguments)
                while let row = try rows.next() {
                    result.insert(
                        EventKey(obligationID: row[0], due: Instant(microsecondsSinceEpoch: row[1]), stage: row[2])
                    )
                }
            }
            return result
        }
    }

    public func firedEvents(obligationID: String?) async throws(StateError) -> [FiredEvent] {
        try await read { db in
            let columns = "SELECT obligation_id, due_us, stage, fired_at_us FROM fired_event"
            let order = "ORDER BY fired_at_us, obligation_id, due_us, stage"
            let rows: [Row] =
                if let obligationID {
                    try Row.fetchAll(db, sql: "\(columns) WHERE obligation_id = ? \(order)", arguments: [obligationID])
                } else {
                    try Row.fetchAll(db, sql: "\(columns) \(order)")
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

    public func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError) {
        try await write(reason: "cannot record \(events.count == 1 ? "1 fired event" : "\(events.count) fired events")")
        {
            db in
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

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StateError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw Self.stateError(error, path: path, reason: "cannot read the database")
        }
    }

    /// Runs `body` in a write transaction; after a full disk, only once the file system has room again.
    func write<T: Sendable>(
        reason: String,
        _ body: @Sendable @escaping (Database) throws -> T
    ) async throws(StateError) -> T {
        if diskFull.withLock({ $0 }), let free = StateFile.freeBytes(near: path), free < Self.minimumFreeBytes {
            throw StateError(
                .full,
                path: path,
                reason: "\(reason): the disk is still full (\(free) bytes free; waiting for \(Self.minimumFreeBytes))"
            )
        }
        do {
            let result = try await database.write(body)
            diskFull.withLock { $0 = false }
            return result
        } catch {
            let stateError = Self.stateError(error, path: path, reason: reason)
            if stateError.code == .full {
                diskFull.withLock { $0 = true }
                // Give back what the failed transaction's frames took; this fails harmlessly while readers hold
                // the log, or when the database file itself would have to grow.
                _ = try? await database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
            throw stateError
        }
    }

    /// Builds a new database at `path`: the schema is written to `path.new` and renamed into place, so a crash
    /// leaves either no state file or a complete one.
    /// How every connection to a state file is set up: each commit synced to disk, and GRDB's queues at the
    /// default QoS.
    ///
    /// GRDB's default is `.userInitiated`, whose Dispatch worker threads ask for nice -2 (setpriority(2)), which an
    /// unprivileged service may not take: Dispatch then logs "Failed to set thread priority" at notice before every
    /// event. A reminder daemon has no reason to outrank other work: default QoS is nice 0.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.qos = .default
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    private static func create(at path: String) throws(StateError) {
        let staging = path + ".new"
        StateFile.removeDatabase(at: staging)
        // A log without its database belongs to nothing.
        StateFile.removeDatabase(at: path, keepingMain: true)
        do {
            let queue = try DatabaseQueue(path: staging, configuration: configuration())
            try migrator.migrate(queue)
            try queue.close()
            RetiredConnections.keep(queue)
        } catch {
            StateFile.removeDatabase(at: staging)
            throw stateError(error, path: path, reason: "cannot create a new database")
        }
        try StateFile.rename(staging, to: path)
    }

    /// A ``StateError`` for `error`, keeping SQLite's result codes.
    static func stateError(_ error: any Error, path: String, reason: String) -> StateError {
        if let error = error as? StateError { return error }
        guard let error = error as? DatabaseError else { return StateError(path: path, reason: "\(reason): \(error)") }
        let code: StateError.Code =
            switch error.resultCode {
            case .SQLITE_FULL: .full
            case .SQLITE_CORRUPT: .corrupt
            case .SQLITE_NOTADB: .notADatabase
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: .unavailable
            default: .failed
            }
        return StateError(
            code,
            path: path,
            reason: reason,
            cause: .sqlite(
                resultCode: error.resultCode.rawValue,
                extendedResultCode: error.extendedResultCode.rawValue,
                message: error.message
            )
        )
    }
}
