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
    /// The last instant an occurrence may fall on: the end of ``Limits/years`` read in `zone`.
    private let lastInstant: Instant

    /// Every `period` from `start` until `until`, read in `zone`. A zero period is treated as one unit.
    ///
    /// The occurrences end with year 9999 (``Limits/years``), whatever the period; all index and date arithmetic is
    /// checked, so a period or start outside ``Limits`` gives fewer occurrences, never a trap.
    public init(start: LocalDateTime, period: Period, until: LocalDateTime? = nil, zone: ZoneRules) {
        self.start = start
        self.period = period.count > 0 ? period : Period(1, period.unit)
        self.until = until
        self.zone = zone
        self.startInstant = zone.instant(for: start)
        self.lastInstant = zone.instant(for: Limits.lastLocal)
    }

    /// Whether the unit steps elapsed time (seconds, minutes, hours) rather than the wall-clock date.
    private var stepsElapsedTime: Bool { period.unit.seconds.map { $0 < 86_400 } ?? false }

    /// The wall-clock time of occurrence `index` (0 is the start), for date-stepping units; nil past year 9999.
    private func local(at index: Int) -> LocalDateTime? {
        let (count, overflow) = period.count.multipliedReportingOverflow(by: index)
        guard !overflow else { return nil }
        let date: CivilDate?
        switch period.unit {
        case .day: date = start.date.addingWithinLimits(days: count)
        case .week:
            let (days, overflow) = count.multipliedReportingOverflow(by: 7)
            date = overflow ? nil : start.date.addingWithinLimits(days: days)
        case .month: date = start.date.addingWithinLimits(months: count)
        case .year:
            let (months, overflow) = count.multipliedReportingOverflow(by: 12)
            date = overflow ? nil : start.date.addingWithinLimits(months: months)
        case .second, .minute, .hour: date = start.date
        }
        return date.map { LocalDateTime(date: $0, time: start.time) }
    }

    /// Occurrence `index` (0 is the start), or nil past `until` or year 9999, converted through `cursor`.
    func occurrence(at index: Int, cursor: inout ZoneCursor) -> Instant? {
        if stepsElapsedTime {
            let (offset, overflow) = period.microseconds!.multipliedReportingOverflow(by: Int64(index))
            guard !overflow else { return nil }
            let (micros, late) = startInstant.microsecondsSinceEpoch.addingReportingOverflow(offset)
            guard !late, micros <= lastInstant.microsecondsSinceEpoch else { return nil }
            let instant = Instant(microsecondsSinceEpoch: micros)
            if let until {
                let offset = Int64(cursor.offsetSeconds(at: instant)) * 1_000_000
                if LocalDateTime(localMicroseconds: micros + offset) > until { return nil }
            }
            return instant
        }
        guard let local = local(at: index), local <= Limits.lastLocal else { return nil }
        if let until, local > until { return nil }
        return cursor.instant(for: local)
    }

    /// An index at or before the first occurrence after `instant` (which lies within ``Limits/instants``).
    private func estimatedIndex(after instant: Instant) -> Int {
        guard instant >= startInstant else { return 0 }
        let guess: Int
        switch period.unit {
        case .second, .minute, .hour:
            guess = Int(instant.microseconds(since: startInstant) / period.microseconds!)
        case .day, .week:
            let days = zone.localDateTime(at: instant).date.daysSinceEpoch - start.date.daysSinceEpoch
            let (step, overflow) = period.count.multipliedReportingOverflow(by: period.unit == .week ? 7 : 1)
            guess = overflow ? 0 : days / step
        case .month, .year:
            let now = zone.localDateTime(at: instant).date
            let months = (now.year - start.date.year) * 12 + now.month - start.date.month
            let (step, overflow) = period.count.multipliedReportingOverflow(by: period.unit == .year ? 12 : 1)
            guess = overflow ? 0 : months / step
        }
        return max(0, guess - 1)
    }

    public func occurrences(after instant: Instant) -> Occurrences {
        // Past the last instant of year 9999 nothing is left; before year 1, everything is.
        guard instant < lastInstant else {
            return Occurrences(recurrence: self, index: 0, cursor: ZoneCursor(zone: zone), ended: true)
        }
        let instant = Limits.clamped(instant)
        var index = estimatedIndex(after: instant)
        var cursor = ZoneCursor(zone: zone)
        // The first occurrence after `instant`, found by the search, is kept for the first `next()` rather than
        // made again (a local time resolved in the zone each).
        while let candidate = occurrence(at: index, cursor: &cursor) {
            guard candidate <= instant else {
                return Occurrences(recurrence: self, index: index, cursor: cursor, ended: false, found: candidate)
            }
            index += 1
        }
        return Occurrences(recurrence: self, index: index, cursor: cursor, ended: true)
    }

    /// The iterator of ``EveryRecurrence``.
    public struct Occurrences: IteratorProtocol {
        let recurrence: EveryRecurrence
        var index: Int
        var cursor: ZoneCursor
        /// Whether the occurrences have run out (past `until` or year 9999).
        var ended: Bool
        /// The occurrence at `index`, when already made.
        var found: Instant? = nil

        public mutating func next() -> Instant? {
            if let found {
                self.found = nil
                index += 1
                return found
            }
            guard !ended, let instant = recurrence.occurrence(at: index, cursor: &cursor) else {
                ended = true
                return nil
            }
            index += 1
            return instant
        }
    }
}
