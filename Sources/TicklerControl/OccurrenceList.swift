import TicklerCalendar
import TicklerOnCalendar
import TicklerRRule
import TicklerSchedule

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

    /// Writes the occurrences of a recurrence built at run time, after `after`, within the limits.
    ///
    /// The engines a long preview usually runs (the RRULE, OnCalendar and `every` recurrences, alone or with an
    /// `until`) are unwrapped to their concrete types, so that their loop is specialized as well; any other
    /// recurrence runs through the generic loop.
    mutating func emit(any recurrence: any Recurrence, after: Instant) {
        switch recurrence {
        case let rule as RRuleRecurrence: emit(rule, after: after)
        case let rule as AmendedRecurrence<RRuleRecurrence>: emit(rule, after: after)
        case let event as CalendarEventRecurrence: emit(event, after: after)
        case let event as AmendedRecurrence<CalendarEventRecurrence>: emit(event, after: after)
        case let every as EveryRecurrence: emit(every, after: after)
        default: emit(recurrence, after: after)
        }
    }
}
