/// The days of a ``DateRule`` at one time of day in one zone, optionally bounded; they end with year 9999 at the
/// latest (``Limits/years``).
public struct DailyRecurrence<Rule: DateRule>: Recurrence {
    /// The rule that picks the days.
    public let rule: Rule
    /// The local time of day of each occurrence.
    public let time: TimeOfDay
    /// The zone the days and time are read in.
    public let zone: ZoneRules
    /// No occurrence before this wall-clock time.
    public let start: LocalDateTime?
    /// No occurrence after this wall-clock time.
    public let until: LocalDateTime?

    /// The days of `rule` at `time` in `zone`, from `start` to `until` inclusive.
    public init(rule: Rule, time: TimeOfDay, zone: ZoneRules, start: LocalDateTime? = nil, until: LocalDateTime? = nil)
    {
        self.rule = rule
        self.time = time
        self.zone = zone
        self.start = start
        self.until = until
    }

    public func occurrences(after instant: Instant) -> Occurrences {
        // Instants outside the years 1–9999 are not read in the zone: the days start with year 1 at the earliest,
        // and none is left after year 9999 (the iterator stops there).
        var from = zone.localDateTime(at: Limits.clamped(instant)).date.adding(days: -1)
        if let start, start.date > from { from = start.date }
        return Occurrences(
            recurrence: self,
            dates: rule.dates(from: from),
            after: instant,
            zone: ZoneCursor(zone: zone)
        )
    }

    /// The iterator of ``DailyRecurrence``.
    public struct Occurrences: IteratorProtocol {
        let recurrence: DailyRecurrence
        var dates: Rule.Dates
        let after: Instant
        var zone: ZoneCursor

        public mutating func next() -> Instant? {
            while let date = dates.next() {
                let local = LocalDateTime(date: date, time: recurrence.time)
                if let until = recurrence.until, local > until { return nil }
                guard local <= Limits.lastLocal else { return nil }
                if let start = recurrence.start, local < start { continue }
                let instant = zone.instant(for: local)
                if instant > after { return instant }
            }
            return nil
        }
    }
}
