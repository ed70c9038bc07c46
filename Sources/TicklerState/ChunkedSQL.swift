internal import GRDB

/// A statement over a `VALUES` table of placeholder rows, `(?, ?), (?, ?), …`, as ``SQLiteStateStore`` sends keys
/// ``SQLiteStateStore/keysPerQuery`` at a time.
///
/// The text for a full chunk is written once: joining 256 placeholder rows for each chunk was a quarter of the work
/// of recording 10,000 new obligations' first-seen times.
struct ChunkedSQL: Sendable {
    /// The text before the rows.
    let prefix: String
    /// One row's placeholders, `(?, ?)`.
    let row: String
    /// The text after the rows.
    let suffix: String
    /// The text for ``SQLiteStateStore/keysPerQuery`` rows.
    let full: String

    init(_ prefix: String, row: String, _ suffix: String = "") {
        self.prefix = prefix
        self.row = row
        self.suffix = suffix
        self.full = prefix + Self.rows(row, count: SQLiteStateStore.keysPerQuery) + suffix
    }

    /// The statement for `rows` rows in `db`: cached for a full chunk, prepared afresh for a shorter one (which comes
    /// once per call, so caching it would only fill the cache).
    func statement(rows: Int, in db: Database) throws -> Statement {
        rows == SQLiteStateStore.keysPerQuery
            ? try db.cachedStatement(sql: full)
            : try db.makeStatement(sql: prefix + Self.rows(row, count: rows) + suffix)
    }

    private static func rows(_ row: String, count: Int) -> String {
        repeatElement(row, count: count).joined(separator: ", ")
    }
}
