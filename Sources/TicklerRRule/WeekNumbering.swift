import TicklerCalendar

/// Week numbers around one calendar year, for weeks starting on a given weekday (RFC 5545 BYWEEKNO, WKST).
///
/// Week 1 of a year is the first week (starting on the week-start day) with at least four days in that year,
/// as in ISO 8601; days before it belong to the last week of the previous year.
struct WeekNumbering {
    /// Day numbers (days since 1970-01-01) on which week 1 of year − 1, year, year + 1 and year + 2 start.
    private let starts: (Int, Int, Int, Int)

    init(year: Int, weekStart: Weekday) {
        starts = (
            Self.weekOneStart(year - 1, weekStart), Self.weekOneStart(year, weekStart),
            Self.weekOneStart(year + 1, weekStart), Self.weekOneStart(year + 2, weekStart)
        )
    }

    /// The day number on which week 1 of `year` starts.
    static func weekOneStart(_ year: Int, _ weekStart: Weekday) -> Int {
        let january1 = CivilDate(unchecked: year, 1, 1)
        let intoWeek = (january1.weekday.rawValue - weekStart.rawValue + 7) % 7
        let start = january1.daysSinceEpoch - intoWeek
        return intoWeek <= 3 ? start : start + 7
    }

    /// The week number of a day of `year − 1 … year + 1` and how many weeks its week-numbering year has.
    @inline(__always)
    func week(of dayNumber: Int) -> (week: Int, weeksInYear: Int) {
        if dayNumber >= starts.2 { return ((dayNumber - starts.2) / 7 + 1, (starts.3 - starts.2) / 7) }
        if dayNumber >= starts.1 { return ((dayNumber - starts.1) / 7 + 1, (starts.2 - starts.1) / 7) }
        return ((dayNumber - starts.0) / 7 + 1, (starts.1 - starts.0) / 7)
    }
}
