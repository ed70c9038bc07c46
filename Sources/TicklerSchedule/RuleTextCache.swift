import TicklerCalendar
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
    /// `rrule` recurrences compiled against their start, with their descriptions: a generated schedule repeats the
    /// same rule from the same start, and compiling one (its day filters) costs more than reading it.
    private var recurrences: [SharedKey<RecurrenceRule>: (any Recurrence, String)] = [:]
    /// `on-calendar` recurrences in their zone, with their descriptions (without `from` and `until`).
    private var eventRecurrences: [SharedKey<CalendarEvent>: (any Recurrence, String)] = [:]

    /// A rule, its start (if it has one) and a zone. Hashed without the zone's transitions (their identifier stands
    /// in for them); compared with them, which for the shared zones of one load is one identity check.
    private struct SharedKey<Rule: Hashable>: Hashable {
        let rule: Rule
        let start: LocalDateTime?
        let zone: ZoneRules

        func hash(into hasher: inout Hasher) {
            hasher.combine(rule)
            hasher.combine(start)
            hasher.combine(zone.identifier)
        }

        static func == (lhs: SharedKey, rhs: SharedKey) -> Bool {
            lhs.rule == rhs.rule && lhs.start == rhs.start && lhs.zone == rhs.zone
        }
    }

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

    /// The recurrence of `rule` from `start` in `zone`, with its description, made by `build` the first time.
    ///
    /// Each is kept in its existential box: an ``RRuleRecurrence`` is too large to sit inline in `any Recurrence`,
    /// and boxing it again for each obligation cost about 450 bytes an obligation; copies of one box share it.
    mutating func recurrence(
        of rule: RecurrenceRule,
        from start: LocalDateTime,
        in zone: ZoneRules,
        build: () -> (any Recurrence, String)
    ) -> (any Recurrence, String) {
        Self.shared(SharedKey(rule: rule, start: start, zone: zone), in: &recurrences, build: build)
    }

    /// The recurrence of `event` in `zone`, with its description, made by `build` the first time; kept boxed, as
    /// ``recurrence(of:from:in:build:)`` keeps its own (a ``CalendarEventRecurrence`` is about 80 bytes).
    mutating func recurrence(
        of event: CalendarEvent,
        in zone: ZoneRules,
        build: () -> (any Recurrence, String)
    ) -> (any Recurrence, String) {
        Self.shared(SharedKey(rule: event, start: nil, zone: zone), in: &eventRecurrences, build: build)
    }

    /// The value of `key` in `kept`, made by `build` and kept the first time while fewer than ``capacity`` are.
    private static func shared<Rule>(
        _ key: SharedKey<Rule>,
        in kept: inout [SharedKey<Rule>: (any Recurrence, String)],
        build: () -> (any Recurrence, String)
    ) -> (any Recurrence, String) {
        if let built = kept[key] { return built }
        let built = build()
        if kept.count < capacity { kept[key] = built }
        return built
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
