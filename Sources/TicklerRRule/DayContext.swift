import TicklerCalendar

/// One calendar day as the day filter sees it, with the counts needed to number it from either end.
struct DayContext {
    /// Days since 1970-01-01.
    var dayNumber: Int
    var month: Int
    var day: Int
    var daysInMonth: Int
    /// 1…366.
    var dayOfYear: Int
    var daysInYear: Int
    /// ISO weekday, Monday 1 … Sunday 7.
    var weekday: Int

    /// The context of the first day of `month` in `year`.
    init(year: Int, month: Int) {
        let first = CivilDate(unchecked: year, month, 1)
        dayNumber = first.daysSinceEpoch
        self.month = month
        day = 1
        daysInMonth = CivilDate.daysInMonth(year: year, month: month)
        dayOfYear = dayNumber - CivilDate(unchecked: year, 1, 1).daysSinceEpoch + 1
        daysInYear = CivilDate.daysInYear(year)
        weekday = floorMod(dayNumber + 3, 7) + 1
    }

    /// The context of the day `dayNumber` days after 1970-01-01.
    init(dayNumber: Int) {
        let date = CivilDate(daysSinceEpoch: dayNumber)
        self.init(year: date.year, month: date.month)
        advance(by: date.day - 1)
    }

    /// Moves `days` days later within the same month.
    @inline(__always)
    mutating func advance(by days: Int) {
        dayNumber += days
        day += days
        dayOfYear += days
        weekday = (weekday - 1 + days) % 7 + 1
    }
}
