public import TicklerCalendar

/// A recurrence whose due instants are moved off days off: each instant's local date in `zone` moves to a working day
/// (``WorkingDays/adjust(_:_:)``) and keeps its local time of day.
///
/// The result is the moved sequence of *all* the base occurrences, restricted to instants strictly after `after`:
/// - a base occurrence at or before `after` that moves forward past it (`next-workday`: due Saturday, moved to Monday,
///   asked on Sunday) is included — the base rule is read from the start of the run of days off that ends on
///   `after`'s local date (plus a day), which is exactly where such occurrences can be;
/// - one after `after` that moves back to or before it (`previous-workday`) is not, since it is already past;
/// - several base occurrences that land on the same instant (Saturday and Sunday both moved to Monday) give one
///   occurrence, and one that would land before an occurrence already given is dropped, so the instants strictly
///   increase.
public struct AdjustedRecurrence<Base: Recurrence>: Recurrence {
    /// The unadjusted recurrence.
    public let base: Base
    /// The zone whose local dates are checked and moved.
    public let zone: ZoneRules
    /// The working-day calendar.
    public let workingDays: WorkingDays
    /// The direction of the move.
    public let adjustment: DateAdjustment

    /// `base`, moved off days off in `zone`.
    public init(base: Base, zone: ZoneRules, workingDays: WorkingDays, adjustment: DateAdjustment) {
        self.base = base
        self.zone = zone
        self.workingDays = workingDays
        self.adjustment = adjustment
    }

    public func occurrences(after instant: Instant) -> Occurrences {
        // The look-behind reads `instant` in the zone: within the years 1–9999 only (``Limits/instants``).
        let start = adjustment == .nextWorkday ? lookBehindStart(Limits.clamped(instant)) : instant
        return Occurrences(recurrence: self, base: base.occurrences(after: start), after: instant)
    }

    /// The instant from which a base occurrence can move forward past `instant`: a day before the run of days off
    /// that ends on `instant`'s local date.
    private func lookBehindStart(_ instant: Instant) -> Instant {
        let date = zone.localDateTime(at: instant).date
        var days = 0
        while days < WorkingDays.longestSearch, !workingDays.isWorkingDay(date.adding(days: -days)) { days += 1 }
        return instant.adding(seconds: -Int64(days + 1) * 86_400)
    }

    /// The instant `instant` moves to.
    public func adjusted(_ instant: Instant) -> Instant {
        guard adjustment != .none else { return instant }
        let local = zone.localDateTime(at: instant)
        let date = workingDays.adjust(local.date, adjustment)
        return date == local.date ? instant : zone.instant(for: LocalDateTime(date: date, time: local.time))
    }

    /// The iterator of ``AdjustedRecurrence``.
    public struct Occurrences: IteratorProtocol {
        let recurrence: AdjustedRecurrence
        var base: Base.Occurrences
        var after: Instant

        public mutating func next() -> Instant? {
            while let candidate = base.next() {
                let moved = recurrence.adjusted(candidate)
                if moved > after {
                    after = moved
                    return moved
                }
            }
            return nil
        }
    }
}
