public import TicklerCalendar

/// The occurrences of an RFC 5545 recurrence rule from a start (DTSTART), as instants in a time zone.
///
/// Occurrences are computed in local civil time, as python-dateutil's `rrule` does, and each is converted to an
/// instant once. The start is a lower bound and is itself an occurrence only when it matches the rule.
public struct RRuleRecurrence: Recurrence {
    /// The rule.
    public let rule: RecurrenceRule
    /// DTSTART: the wall-clock time the rule counts from (fractions of a second are dropped).
    public let start: LocalDateTime
    /// The zone the wall-clock times are read in.
    public let zone: ZoneRules

    /// The rule `rule` from `start`, read in `zone`.
    public init(rule: RecurrenceRule, start: LocalDateTime, zone: ZoneRules) {
        self.rule = rule
        self.start = start
        self.zone = zone
    }

    /// Every occurrence, from the start on.
    public func occurrences() -> Occurrences { Occurrences() }

    public func occurrences(after instant: Instant) -> Occurrences { Occurrences() }

    /// The iterator of ``RRuleRecurrence``.
    public struct Occurrences: IteratorProtocol {
        public mutating func next() -> Instant? { nil }
    }
}
