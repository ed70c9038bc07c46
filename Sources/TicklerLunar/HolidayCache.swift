import Synchronization
import TicklerCalendar

/// The holidays of each built-in set and year, computed once and shared (the planner asks about days off often).
enum HolidayCache {
    /// A built-in set and a Gregorian year.
    struct Key: Hashable {
        let set: HolidaySet
        let year: Int
    }

    /// The computed years; at most two sets × the years asked about.
    private static let years = Mutex<[Key: Set<CivilDate>]>([:])

    /// The holidays of `set` in `year`, computing them on first request.
    static func holidays(of set: HolidaySet, in year: Int) -> Set<CivilDate> {
        let key = Key(set: set, year: year)
        if let cached = years.withLock({ $0[key] }) { return cached }
        let computed = Set(set.computeDates(in: year))
        years.withLock { $0[key] = computed }
        return computed
    }
}
