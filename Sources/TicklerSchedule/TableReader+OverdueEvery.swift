import TicklerCalendar
import TicklerTOML

extension TableReader {
    /// The shortest `overdue-every` other than `"0"` (no repeats): one minute. A repeat every second would write
    /// 2,592,000 journal entries in the 30-day overdue window of each due time; nobody reads a reminder that often.
    static let shortestOverdueEvery = Period(1, .minute)
    /// `overdue-every`, as tables are asked for it.
    private static let overdueEveryKey: TOMLTable.Key = "overdue-every"

    /// `overdue-every`: a duration without months or years, `"0"` for no repeats, or at least
    /// ``shortestOverdueEvery``; a shorter one is reported and nil.
    mutating func overdueEvery() -> Period? {
        guard let period = period(Self.overdueEveryKey, allowingCalendarUnits: false) else { return nil }
        let shortest = Self.shortestOverdueEvery
        guard period.isZero || (period.seconds ?? 0) >= (shortest.seconds ?? 0) else {
            report(
                "overdue-every",
                "must be at least \(shortest.count)\(shortest.unit.rawValue) (or \"0\" for no overdue repeats)"
            )
            return nil
        }
        return period
    }
}
