import TicklerCalendar

/// The occurrence list being written: at most `count` occurrences, none after `until`.
struct OccurrenceList<Sink: OutputSink> {
    var writer: OccurrenceWriter<Sink>
    let count: Int
    let until: Instant?

    /// Writes the occurrences of `recurrence` after `after`, within the limits.
    ///
    /// The writer drains the iterator itself, so the whole loop is one specialized function with no per-occurrence
    /// call into the writer.
    mutating func emit<Rule: Recurrence>(_ recurrence: Rule, after: Instant) {
        var iterator = recurrence.occurrences(after: after)
        writer.write(&iterator, limit: count, through: until ?? Instant(microsecondsSinceEpoch: .max))
    }
}
