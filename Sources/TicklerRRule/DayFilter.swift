import TicklerCalendar

/// The day-level parts of a rule (BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY) as bit masks.
///
/// A day passes when it satisfies every part present; BYDAY passes when the day is one of the plain weekdays or
/// one of the numbered ones (counted within the month, or within the year for YEARLY without BYMONTH).
struct DayFilter: Sendable {
    /// Bit m set for each allowed month; all ones when BYMONTH is absent.
    let months: UInt16
    /// Bit w set for each plain weekday (1 = Monday); used only when ``hasByDay``.
    let weekdays: UInt8
    /// Per weekday (index 1…7), bit n set for ordinal +n.
    let ordinalsFromStart: [UInt64]
    /// Per weekday (index 1…7), bit n set for ordinal −n.
    let ordinalsFromEnd: [UInt64]
    let hasByDay: Bool
    let hasOrdinals: Bool
    /// Numbered weekdays count within the year rather than the month.
    let ordinalsInYear: Bool
    /// Bit d set for BYMONTHDAY=d, and for BYMONTHDAY=−d.
    let monthDaysFromStart: UInt32
    let monthDaysFromEnd: UInt32
    let hasMonthDays: Bool
    /// Bit d set for BYYEARDAY=±d, d = 1…366, in six words.
    let yearDaysFromStart: [UInt64]
    let yearDaysFromEnd: [UInt64]
    let hasYearDays: Bool
    /// Bit n set for BYWEEKNO=±n.
    let weeksFromStart: UInt64
    let weeksFromEnd: UInt64
    let hasWeeks: Bool
    /// Days of a month allowed by BYMONTHDAY, by month length (index 0 … 3 for 28 … 31 days).
    private let monthDayMasks: [UInt32]
    /// Days of a month allowed by BYDAY counted within the month, by the weekday of its first day and its length
    /// (index (weekday − 1) · 4 + length − 28); every day when BYDAY needs the year to decide.
    private let byDayMasks: [UInt32]
    /// Whether a day must still be checked one by one after the month masks (BYYEARDAY, BYWEEKNO, numbered
    /// weekdays counted within the year).
    let needsDayCheck: Bool
    /// Whether every day passes (no day-level part at all).
    let acceptsEveryDay: Bool

    /// The filter of `parts`, its month masks made now (``shared(_:)`` makes each once).
    init(_ parts: Parts) {
        let (months, byDay, monthDays) = (parts.months, parts.byDay, parts.monthDays)
        let (yearDays, weeks, ordinalsInYear) = (parts.yearDays, parts.weeks, parts.ordinalsInYear)
        self.months = months.isEmpty ? 0x1FFE : months.reduce(0) { $0 | 1 << $1 }
        var weekdays: UInt8 = 0
        var fromStart = [UInt64](repeating: 0, count: 8)
        var fromEnd = [UInt64](repeating: 0, count: 8)
        for entry in byDay {
            let w = entry.weekday.rawValue
            switch entry.ordinal {
            case nil: weekdays |= 1 << w
            case let n? where n > 0: fromStart[w] |= 1 << n
            case let n?: fromEnd[w] |= 1 << -n
            }
        }
        self.weekdays = weekdays
        ordinalsFromStart = fromStart
        ordinalsFromEnd = fromEnd
        hasByDay = !byDay.isEmpty
        hasOrdinals = byDay.contains { $0.ordinal != nil }
        self.ordinalsInYear = ordinalsInYear
        monthDaysFromStart = monthDays.filter { $0 > 0 }.reduce(0) { $0 | 1 << $1 }
        monthDaysFromEnd = monthDays.filter { $0 < 0 }.reduce(0) { $0 | 1 << -$1 }
        hasMonthDays = !monthDays.isEmpty
        var yearStart = [UInt64](repeating: 0, count: 6)
        var yearEnd = [UInt64](repeating: 0, count: 6)
        for d in yearDays {
            if d > 0 { yearStart[d >> 6] |= 1 << (d & 63) } else { yearEnd[-d >> 6] |= 1 << (-d & 63) }
        }
        yearDaysFromStart = yearStart
        yearDaysFromEnd = yearEnd
        hasYearDays = !yearDays.isEmpty
        weeksFromStart = weeks.filter { $0 > 0 }.reduce(0) { $0 | 1 << $1 }
        weeksFromEnd = weeks.filter { $0 < 0 }.reduce(0) { $0 | 1 << -$1 }
        hasWeeks = !weeks.isEmpty
        needsDayCheck = !yearDays.isEmpty || !weeks.isEmpty || (hasOrdinals && ordinalsInYear)
        acceptsEveryDay = months.isEmpty && byDay.isEmpty && monthDays.isEmpty && yearDays.isEmpty && weeks.isEmpty
        var monthDayMasks: [UInt32] = []
        var byDayMasks: [UInt32] = []
        for length in 28...31 {
            let all = UInt32.max >> (31 - length) & ~1
            let fromStart = monthDaysFromStart
            let fromEnd = monthDaysFromEnd
            monthDayMasks.append(
                monthDays.isEmpty
                    ? all
                    : (1...length).reduce(0) { mask, day in
                        fromStart & (1 << day) != 0 || fromEnd & (1 << (length - day + 1)) != 0 ? mask | 1 << day : mask
                    }
            )
        }
        for firstWeekday in 1...7 {
            for length in 28...31 {
                var mask: UInt32 = 0
                for day in 1...length {
                    let w = (firstWeekday - 1 + day - 1) % 7 + 1
                    let byOrdinal =
                        fromStart[w] & (1 << ((day - 1) / 7 + 1)) != 0
                        || fromEnd[w] & (1 << ((length - day) / 7 + 1)) != 0
                    if byDay.isEmpty || (hasOrdinals && ordinalsInYear) || weekdays & (1 << w) != 0 || byOrdinal {
                        mask |= 1 << day
                    }
                }
                byDayMasks.append(mask)
            }
        }
        self.monthDayMasks = monthDayMasks
        self.byDayMasks = byDayMasks
    }

    /// The days (bit d for day d) of a month of `length` days starting on `firstWeekday` that pass BYMONTHDAY and
    /// BYDAY counted within the month; when ``needsDayCheck``, each must still pass ``accepts(_:weeks:)``.
    @inline(__always)
    func days(firstWeekday: Int, length: Int) -> UInt32 {
        monthDayMasks[length - 28] & byDayMasks[(firstWeekday - 1) * 4 + length - 28]
    }

    /// Whether day `day` of a month of `daysInMonth` days is allowed by BYMONTHDAY.
    @inline(__always)
    func allows(day: Int, daysInMonth: Int) -> Bool {
        monthDaysFromStart & (1 << day) != 0 || monthDaysFromEnd & (1 << (daysInMonth - day + 1)) != 0
    }

    /// Whether BYMONTH leaves some months out.
    var restrictsMonths: Bool { months != 0x1FFE }

    /// Whether no day of any month in `allowed` can pass; exact when ``needsDayCheck`` is false, since then a
    /// day's fate depends only on its month, the month's length and the weekday the month starts on.
    func rejectsEveryMonth(_ allowed: [Int]) -> Bool {
        for month in allowed {
            for length in month == 2 ? [28, 29] : [CivilDate.daysInMonth(year: 1, month: month)] {
                for firstWeekday in 1...7 where days(firstWeekday: firstWeekday, length: length) != 0 { return false }
            }
        }
        return true
    }

    /// Whether `month` is allowed by BYMONTH.
    @inline(__always)
    func allows(month: Int) -> Bool { months & (1 << month) != 0 }

    /// Whether the day passes every day-level part; `weeks` gives the week numbering of its year (BYWEEKNO only).
    @inline(__always)
    func accepts(_ c: DayContext, weeks: WeekNumbering?) -> Bool {
        guard months & (1 << c.month) != 0 else { return false }
        if hasMonthDays {
            guard allows(day: c.day, daysInMonth: c.daysInMonth) else { return false }
        }
        if hasYearDays {
            let fromEnd = c.daysInYear - c.dayOfYear + 1
            guard
                yearDaysFromStart[c.dayOfYear >> 6] & (1 << (c.dayOfYear & 63)) != 0
                    || yearDaysFromEnd[fromEnd >> 6] & (1 << (fromEnd & 63)) != 0
            else { return false }
        }
        if hasByDay && weekdays & (1 << c.weekday) == 0 {
            guard hasOrdinals else { return false }
            let index = ordinalsInYear ? c.dayOfYear - 1 : c.day - 1
            let length = ordinalsInYear ? c.daysInYear : c.daysInMonth
            guard
                ordinalsFromStart[c.weekday] & (1 << (index / 7 + 1)) != 0
                    || ordinalsFromEnd[c.weekday] & (1 << ((length - 1 - index) / 7 + 1)) != 0
            else { return false }
        }
        if hasWeeks, let weeks {
            let (week, count) = weeks.week(of: c.dayNumber)
            guard weeksFromStart & (1 << week) != 0 || weeksFromEnd & (1 << (count - week + 1)) != 0 else {
                return false
            }
        }
        return true
    }
}
