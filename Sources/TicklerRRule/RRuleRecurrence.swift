public import TicklerCalendar

/// The occurrences of an RFC 5545 recurrence rule from a start (DTSTART), as instants in a time zone.
///
/// Occurrences are computed in wall-clock time with python-dateutil's `rrule` semantics, and each is converted
/// to an instant once. The start is a lower bound and is itself an occurrence only when it matches the rule.
/// A wall-clock time skipped by a forward shift is read with the offset from before the gap (02:30 becomes 03:30);
/// one that occurs twice is the first. An instant that equals one already given is not given again, and COUNT
/// counts the instants given.
///
/// Where python-dateutil 2.9 departs from RFC 5545, this follows the RFC: WEEKLY with BYSETPOS picks from the whole
/// first week (dateutil from DTSTART on, its issue #1398); BYDAY with plain and numbered weekdays is their union
/// (dateutil: both at once, so nothing); UNTIL as a bare date includes that whole day (dateutil: up to its
/// midnight). Like dateutil, the expansion ends with year 9999.
public struct RRuleRecurrence: Recurrence {
    /// The rule.
    public let rule: RecurrenceRule
    /// DTSTART: the wall-clock time the rule counts from (fractions of a second are dropped).
    public let start: LocalDateTime
    /// The zone the wall-clock times are read in.
    public let zone: ZoneRules

    /// The rule compiled against the start.
    let plan: RRulePlan
    /// The rule's cycle, counted when a query first needs it (rules with COUNT only).
    let cycleCache = RRuleCycleCache()

    /// The rule `rule` from `start`, read in `zone`.
    public init(rule: RecurrenceRule, start: LocalDateTime, zone: ZoneRules) {
        self.rule = rule
        self.start = LocalDateTime(
            date: start.date,
            time: TimeOfDay(unchecked: start.time.hour, start.time.minute, start.time.second)
        )
        self.zone = zone
        self.plan = RRulePlan(rule: rule, start: self.start)
    }

    /// Every occurrence, from the start on.
    public func occurrences() -> Occurrences {
        Occurrences(plan: plan, zone: zone, after: Int64.min, period: 0)
    }

    /// The occurrences strictly after `instant`.
    ///
    /// Without COUNT the expansion starts at the period of the earliest wall-clock time an occurrence after
    /// `instant` can have (`instant` read with the smallest offset in force around it) rather than at the start. With COUNT it must know how many occurrences came before: whole cycles of the rule before that
    /// period are counted rather than listed (``RRuleCycle``), so a query costs bounded work whatever COUNT and
    /// however far after DTSTART it lies; a rule without an affordable cycle counts from the start, and
    /// ``RecurrenceRule`` refuses a COUNT above ``RecurrenceRule/largestCountWithoutCycle`` for such a rule.
    public func occurrences(after instant: Instant) -> Occurrences {
        // No zone is a day or more from UTC: instants this far outside the rule's wall-clock span are read without
        // the zone (which would overflow near Instant's limits).
        let seconds = instant.microsecondsSinceEpoch / 1_000_000
        if seconds > RRulePlan.lastLocalSecond + 2 * 86_400 {
            return Occurrences(plan: plan, zone: zone, after: .max, period: 0)
        }
        guard seconds > plan.startLocal - 2 * 86_400 else {
            return Occurrences(plan: plan, zone: zone, after: instant.microsecondsSinceEpoch, period: 0)
        }
        let local = earliestLocal(after: instant)
        guard let count = plan.count else {
            return Occurrences(
                plan: plan,
                zone: zone,
                after: instant.microsecondsSinceEpoch,
                period: plan.period(containing: local)
            )
        }
        switch skip(to: local, count: count) {
        case .none: return Occurrences(plan: plan, zone: zone, after: instant.microsecondsSinceEpoch, period: 0)
        case .exhausted: return Occurrences(plan: plan, zone: zone, after: .max, period: 0)
        case .resume(let period, let given):
            return Occurrences(
                plan: plan,
                zone: zone,
                after: instant.microsecondsSinceEpoch,
                period: period,
                given: given
            )
        }
    }
}
