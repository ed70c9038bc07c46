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
        self.full = Self.text(prefix, row: row, suffix, count: SQLiteStateStore.keysPerQuery)
    }

    /// The text for `count` rows.
    func text(_ count: Int) -> String {
        count == SQLiteStateStore.keysPerQuery ? full : Self.text(prefix, row: row, suffix, count: count)
    }

    private static func text(_ prefix: String, row: String, _ suffix: String, count: Int) -> String {
        prefix + repeatElement(row, count: count).joined(separator: ", ") + suffix
    }
}
