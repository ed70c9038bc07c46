import Foundation
internal import GRDB

/// The delivery log: one row per (event, channel) in SQLite, keyed by the idempotency key, with its state, attempts,
/// next attempt and last error; and the journal cursor read up to.
///
/// The log is the truth: a row is marked sent only after the channel accepted it, an event is written once however
/// often it is read, and the cursor is only where reading resumes. Rows are written in the transaction that moves
/// the cursor past their entries, so a crash neither skips an entry nor loses a row.
public final class DeliveryLog: Sendable {
    /// The file name in the notifier's state directory.
    public static let fileName = "deliveries.sqlite"

    /// The database file.
    public let path: String
    /// The open database.
    private let database: DatabasePool

    /// Opens (creating it when missing) the log at `path`.
    /// - Throws: ``DeliveryLogError`` when the file cannot be opened or migrated.
    public init(path: String) throws(DeliveryLogError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw DeliveryLogError(path: path, action: "open the delivery log", cause: "\(error)")
        }
    }

    /// The schema, in migrations.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-deliveries") { db in
            try db.execute(
                sql: """
                    CREATE TABLE delivery (
                        key TEXT PRIMARY KEY NOT NULL,
                        channel TEXT NOT NULL,
                        obligation TEXT NOT NULL,
                        due TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        event TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        created_us INTEGER NOT NULL,
                        next_attempt_us INTEGER NOT NULL,
                        last_error TEXT,
                        sent_us INTEGER
                    );
                    CREATE INDEX delivery_queue ON delivery (state, next_attempt_us);
                    CREATE INDEX delivery_obligation ON delivery (obligation, due);
                    CREATE TABLE follower (id INTEGER PRIMARY KEY CHECK (id = 1), cursor TEXT NOT NULL);
                    """
            )
        }
        return migrator
    }

    /// Writes a pending row for each event and channel not in the log yet, and moves the cursor to `cursor`, in one
    /// transaction; returns the rows written (an event already logged is not written again).
    /// - Throws: ``DeliveryLogError``.
    @discardableResult
    public func enqueue(
        _ events: [DeliveryEvent],
        cursor: String?,
        now: Int64
    ) async throws(DeliveryLogError)
        -> [Delivery]
    {
        try await write("record deliveries") { db in
            var written: [Delivery] = []
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO delivery
                    (key, channel, obligation, due, stage, event, state, created_us, next_attempt_us)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                    """
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for event in events {
                let json = String(decoding: try encoder.encode(event), as: UTF8.self)
                for channel in event.channels {
                    let key = event.key(channel: channel)
                    try insert.execute(arguments: [
                        key.hex, channel, event.obligation, event.due, event.stage, json, now, now,
                    ])
                    guard db.changesCount > 0 else { continue }
                    written.append(
                        Delivery(
                            key: key,
                            channel: channel,
                            event: event,
                            state: .pending,
                            attempts: 0,
                            createdAt: now,
                            nextAttemptAt: now,
                            lastError: nil
                        )
                    )
                }
            }
            if let cursor {
                try db.execute(
                    sql: "INSERT INTO follower (id, cursor) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET cursor = ?",
                    arguments: [cursor, cursor]
                )
            }
            return written
        }
    }

    /// The journal cursor read up to, if any entry was read.
    /// - Throws: ``DeliveryLogError``.
    public func cursor() async throws(DeliveryLogError) -> String? {
        try await read("read the cursor") { db in try String.fetchOne(db, sql: "SELECT cursor FROM follower") }
    }

    /// The pending and failed rows whose next attempt is at or before `now`, oldest first, at most `limit`.
    /// - Throws: ``DeliveryLogError``.
    public func due(at now: Int64, limit: Int = 1000) async throws(DeliveryLogError) -> [Delivery] {
        try await read("read the queue") { db in
            try Self.deliveries(
                db,
                where: "state IN ('pending', 'failed') AND next_attempt_us <= ? ORDER BY created_us, rowid LIMIT ?",
                [now, limit]
            )
        }
    }

    /// The rows of `obligation`, oldest first (every row when nil).
    /// - Throws: ``DeliveryLogError``.
    public func deliveries(of obligation: String? = nil) async throws(DeliveryLogError) -> [Delivery] {
        try await read("read deliveries") { db in
            if let obligation {
                return try Self.deliveries(db, where: "obligation = ? ORDER BY created_us, rowid", [obligation])
            }
            return try Self.deliveries(db, where: "1 ORDER BY created_us, rowid", [])
        }
    }

    /// Records the outcome of an attempt on `deliveries` (their state, attempts, next attempt and error as given).
    /// - Throws: ``DeliveryLogError``.
    public func update(_ deliveries: [Delivery], now: Int64) async throws(DeliveryLogError) {
        try await write("record an attempt") { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE delivery SET state = ?, attempts = ?, next_attempt_us = ?, last_error = ?,
                    sent_us = CASE WHEN ? = 'sent' THEN ? ELSE sent_us END WHERE key = ?
                    """
            )
            for delivery in deliveries {
                try statement.execute(arguments: [
                    delivery.state.rawValue, delivery.attempts, delivery.nextAttemptAt, delivery.lastError,
                    delivery.state.rawValue, now, delivery.key.hex,
                ])
            }
        }
    }

    /// The queue's figures: rows still to deliver, the earliest next attempt, and the channels whose latest attempt
    /// failed.
    /// - Throws: ``DeliveryLogError``.
    public func queue() async throws(DeliveryLogError) -> (length: Int, nextAttemptAt: Int64?, failing: [String]) {
        try await read("read the queue") { db in
            let row = try Row.fetchOne(
                db,
                sql: "SELECT COUNT(*), MIN(next_attempt_us) FROM delivery WHERE state IN ('pending', 'failed')"
            )
            let failing = try String.fetchAll(
                db,
                sql: "SELECT DISTINCT channel FROM delivery WHERE state = 'failed' ORDER BY channel"
            )
            return (row?[0] ?? 0, row?[1], failing)
        }
    }

    /// The rows matching `condition` (SQL after WHERE) with `arguments`.
    private static func deliveries(
        _ db: Database,
        where condition: String,
        _ arguments: StatementArguments
    ) throws
        -> [Delivery]
    {
        let decoder = JSONDecoder()
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT key, channel, event, state, attempts, created_us, next_attempt_us, last_error
                FROM delivery WHERE \(condition)
                """,
            arguments: arguments
        )
        return try rows.map { row in
            let json: String = row[2]
            let stateName: String = row[3]
            return Delivery(
                key: DeliveryKey(hex: row[0]),
                channel: row[1],
                event: try decoder.decode(DeliveryEvent.self, from: Data(json.utf8)),
                state: DeliveryState(rawValue: stateName) ?? .failed,
                attempts: row[4],
                createdAt: row[5],
                nextAttemptAt: row[6],
                lastError: row[7]
            )
        }
    }

    /// Runs `body` in a write transaction.
    private func write<T: Sendable>(
        _ action: String,
        _ body: @Sendable @escaping (Database) throws -> T
    ) async throws(DeliveryLogError) -> T {
        do {
            return try await database.write(body)
        } catch {
            throw DeliveryLogError(path: path, action: action, cause: "\(error)")
        }
    }

    /// Runs `body` in a read transaction.
    private func read<T: Sendable>(
        _ action: String,
        _ body: @Sendable @escaping (Database) throws -> T
    ) async throws(DeliveryLogError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw DeliveryLogError(path: path, action: action, cause: "\(error)")
        }
    }
}
