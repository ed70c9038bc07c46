internal import GRDB

extension SQLiteStateStore {
    /// The schema's migrations, in order. Append new ones; never edit or reorder a published one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // v1: when each obligation was first seen, every fired event, and the processing checkpoint.
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE obligation_seen (
                        obligation_id TEXT PRIMARY KEY NOT NULL,
                        first_seen_us INTEGER NOT NULL
                    );
                    CREATE TABLE fired_event (
                        obligation_id TEXT NOT NULL,
                        due_us INTEGER NOT NULL,
                        stage TEXT NOT NULL,
                        fired_at_us INTEGER NOT NULL,
                        PRIMARY KEY (obligation_id, due_us, stage)
                    ) WITHOUT ROWID;
                    CREATE TABLE checkpoint (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        instant_us INTEGER NOT NULL
                    );
                    """
            )
        }
        // v2: reminder stages in canonical form (`remind-1w` and `remind-168h` become `remind-7d`), so that a lead
        // written differently is the same stage; two records of one stage keep the earlier fire time.
        migrator.registerMigration("v2") { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT obligation_id, due_us, stage, fired_at_us FROM fired_event WHERE stage LIKE 'remind-%'"
            )
            let upsert = try db.makeStatement(
                sql: """
                    INSERT INTO fired_event (obligation_id, due_us, stage, fired_at_us) VALUES (?, ?, ?, ?)
                    ON CONFLICT (obligation_id, due_us, stage)
                    DO UPDATE SET fired_at_us = min(fired_at_us, excluded.fired_at_us)
                    """
            )
            let delete = try db.makeStatement(
                sql: "DELETE FROM fired_event WHERE obligation_id = ? AND due_us = ? AND stage = ?"
            )
            for row in rows {
                let stage: String = row[2]
                let canonical = EventKey.canonicalStage(stage)
                guard canonical != stage else { continue }
                let obligationID: String = row[0]
                let due: Int64 = row[1]
                try upsert.execute(arguments: [obligationID, due, canonical, row[3] as Int64])
                try delete.execute(arguments: [obligationID, due, stage])
            }
        }
        // v3: what people did to occurrences — one record per occurrence acted on (its resolution, its snooze, a
        // revision for compare-and-set) and the log of every action, oldest first. The fired events stay as they are.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE occurrence (
                        obligation_id TEXT NOT NULL,
                        due_us INTEGER NOT NULL,
                        resolution TEXT,
                        snoozed_until_us INTEGER,
                        revision INTEGER NOT NULL,
                        PRIMARY KEY (obligation_id, due_us)
                    ) WITHOUT ROWID;
                    CREATE TABLE occurrence_action (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        obligation_id TEXT NOT NULL,
                        due_us INTEGER NOT NULL,
                        at_us INTEGER NOT NULL,
                        event TEXT NOT NULL,
                        user TEXT,
                        note TEXT,
                        snoozed_until_us INTEGER
                    );
                    CREATE INDEX occurrence_action_by_obligation ON occurrence_action (obligation_id, id);
                    """
            )
        }
        return migrator
    }

    /// The names of all migrations this build knows, oldest first.
    public static var migrationNames: [String] { migrator.migrations }
}
