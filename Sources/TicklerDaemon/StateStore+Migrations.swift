internal import GRDB

extension StateStore {
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
        return migrator
    }

    /// The names of all migrations this build knows, oldest first.
    public static var migrationNames: [String] { migrator.migrations }
}
