import TicklerCalendar

/// The occurrence list being written: at most `count` occurrences, none after `until`.
struct OccurrenceList<Sink: OutputSink> {
    var writer: OccurrenceWriter<Sink>
    let count: Int
    let until: Instant?

    /// Writes the occurrences of `recurrence` after `after`, within the limits.
    mutating func emit<Rule: Recurrence>(_ recurrence: Rule, after: Instant) {
        var iterator = recurrence.occurrences(after: after)
        var written = 0
        let last = until ?? Instant(microsecondsSinceEpoch: .max)
        while written < count, let instant = iterator.next(), instant <= last {
            writer.write(instant)
            written += 1
        }
    }
}
