/// An occurrence every N seconds, minutes, hours, days, weeks, months or years from a start.
///
/// Days, weeks, months and years step the wall-clock date and keep the start's time of day; the n-th occurrence is
/// counted from the start (not from the previous one), so a start on the 31st gives the last day of shorter months
/// and the 31st again where it exists. Seconds, minutes and hours step elapsed time.
public struct EveryRecurrence: Recurrence {
    /// The first occurrence, as a wall-clock time.
    public let start: LocalDateTime
    /// The step; its count is at least 1.
    public let period: Period
    /// No occurrence after this wall-clock time.
    public let until: LocalDateTime?
    /// The zone the wall-clock times are read in.
    public let zone: ZoneRules

    private let startInstant: Instant

    /// Every `period` from `start` until `until`, read in `zone`. A zero period is treated as one unit.
    public init(start: LocalDateTime, period: Period, until: LocalDateTime? = nil, zone: ZoneRules) {
        self.start = start
        self.period = period.count > 0 ? period : Period(1, period.unit)
        self.until = until
        self.zone = zone
        self.startInstant = zone.instant(for: start)
    }

    /// The wall-clock time of occurrence `index` (0 is the start), for date-stepping units.
    private func local(at index: Int) -> LocalDateTime {
        let count = period.count * index
        let date: CivilDate =
            switch period.unit {
            case .day: start.date.adding(days: count)
            case .week: start.date.adding(days: 7 * count)
            case .month: start.date.adding(months: count)
            case .year: start.date.adding(months: 12 * count)
            case .second, .minute, .hour: start.date
            }
        return LocalDateTime(date: date, time: start.time)
    }

    /// Occurrence `index` (0 is the start), or nil past `until`, converted through `cursor`.
    func occurrence(at index: Int, cursor: inout ZoneCursor) -> Instant? {
        if let stepMicros = period.microseconds, period.unit.seconds! < 86_400 {
            let instant = startInstant.adding(microseconds: stepMicros * Int64(index))
            if let until {
                let offset = Int64(cursor.offsetSeconds(at: instant)) * 1_000_000
                if LocalDateTime(localMicroseconds: instant.microsecondsSinceEpoch + offset) > until { return nil }
            }
            return instant
        }
        let local = local(at: index)
        if let until, local > until { return nil }
        return cursor.instant(for: local)
    }

    /// An index at or before the first occurrence after `instant`.
    private func estimatedIndex(after instant: Instant) -> Int {
        guard instant >= startInstant else { return 0 }
        let guess: Int
        switch period.unit {
        case .second, .minute, .hour:
            guess = Int(instant.microseconds(since: startInstant) / period.microseconds!)
        case .day, .week:
            let days = zone.localDateTime(at: instant).date.daysSinceEpoch - start.date.daysSinceEpoch
            guess = days / (period.count * (period.unit == .week ? 7 : 1))
        case .month, .year:
            let now = zone.localDateTime(at: instant).date
            let months = (now.year - start.date.year) * 12 + now.month - start.date.month
            guess = months / (period.count * (period.unit == .year ? 12 : 1))
        }
        return max(0, guess - 1)
    }

    public func occurrences(after instant: Instant) -> Occurrences {
        var index = estimatedIndex(after: instant)
        var cursor = ZoneCursor(zone: zone)
        while let candidate = occurrence(at: index, cursor: &cursor), candidate <= instant { index += 1 }
        return Occurrences(recurrence: self, index: index, cursor: cursor)
    }

    /// The iterator of ``EveryRecurrence``.
    public struct Occurrences: IteratorProtocol {
        let recurrence: EveryRecurrence
        var index: Int
        var cursor: ZoneCursor

        public mutating func next() -> Instant? {
            guard let instant = recurrence.occurrence(at: index, cursor: &cursor) else { return nil }
            index += 1
            return instant
        }
    }
}
