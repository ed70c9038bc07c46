import TicklerOnCalendar
import TicklerRRule

/// The rules already parsed during one load, by their text: a large schedule repeats the same few `rrule` and
/// `on-calendar` texts thousands of times, and each is parsed once.
///
/// Only successful parses are kept, so a bad text is parsed (and explained) afresh each time it occurs. Bounded: it
/// stops taking new texts at ``capacity``, so a schedule of all-different rules costs no more than without it.
struct RuleTextCache {
    /// The most texts kept of each kind.
    static let capacity = 4096

    /// Parsed `rrule` texts.
    private var rules: [String: RecurrenceRule] = [:]
    /// Parsed `on-calendar` texts.
    private var events: [String: CalendarEvent] = [:]

    /// The rule `text` parses to, parsing it with `parse` the first time.
    mutating func rule<Failure: Error>(
        _ text: String,
        parse: (String) throws(Failure) -> RecurrenceRule
    ) throws(Failure) -> RecurrenceRule {
        if let rule = rules[text] { return rule }
        let rule = try parse(text)
        if rules.count < Self.capacity { rules[text] = rule }
        return rule
    }

    /// The calendar event `text` parses to, parsing it with `parse` the first time.
    mutating func event<Failure: Error>(
        _ text: String,
        parse: (String) throws(Failure) -> CalendarEvent
    ) throws(Failure) -> CalendarEvent {
        if let event = events[text] { return event }
        let event = try parse(text)
        if events.count < Self.capacity { events[text] = event }
        return event
    }
}
