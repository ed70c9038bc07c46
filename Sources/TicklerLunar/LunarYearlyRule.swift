public import TicklerCalendar

/// A lunar month and day every lunar year (Tết is month 1 day 1), as Gregorian dates: the schedule's `lunar` key.
///
/// - A day 30 in a year whose month has only 29 days falls back to day 29 of that month (the month's last day), so a
///   30th-day obligation ("the last day of the year") still occurs every year, once.
/// - ``LeapPolicy`` decides whether a leap month of the same number counts.
/// - The dates end with the last year the calendar supports (``LunisolarCalendar/supportedYears``).
public struct LunarYearlyRule: DateRule, Hashable {
    /// The lunar month and day.
    public let monthDay: LunarMonthDay
    /// The calendar the dates are reckoned in.
    public let calendar: LunisolarCalendar
    /// Whether a leap month of the same number counts.
    public let leap: LeapPolicy

    /// The rule for `monthDay` on `kind`'s calendar.
    public init(monthDay: LunarMonthDay, calendar kind: LunarCalendarKind = .vietnamese, leap: LeapPolicy = .skip) {
        self.monthDay = monthDay
        self.calendar = LunisolarCalendar(kind: kind)
        self.leap = leap
    }

    /// The Gregorian dates this rule gives in one lunar year, in order: none, one or two (regular and leap month).
    public func dates(inLunarYear year: Int) -> [CivilDate] {
        var result: [CivilDate] = []
        if leap != .only, let date = date(year: year, isLeapMonth: false) { result.append(date) }
        if leap != .skip, let date = date(year: year, isLeapMonth: true) { result.append(date) }
        return result
    }

    /// The date in one month, with day 30 falling back to 29; nil when the year lacks that (leap) month.
    private func date(year: Int, isLeapMonth: Bool) -> CivilDate? {
        guard let length = calendar.monthLength(year: year, month: monthDay.month, isLeapMonth: isLeapMonth) else {
            return nil
        }
        return calendar.civilDate(
            for: LunarDate(year: year, month: monthDay.month, day: min(monthDay.day, length), isLeapMonth: isLeapMonth)
        )
    }

    public func dates(from date: CivilDate) -> Dates {
        // Outside the supported dates: from the first supported year, or nothing after the last.
        let year =
            calendar.lunarDate(for: date)?.year
            ?? (date < calendar.supportedDates.lowerBound ? LunisolarCalendar.supportedYears.lowerBound : .max)
        return Dates(rule: self, from: date, year: year)
    }

    /// The iterator of ``LunarYearlyRule``: walks lunar years forward.
    public struct Dates: IteratorProtocol {
        let rule: LunarYearlyRule
        let from: CivilDate
        var year: Int
        var pending: [CivilDate] = []

        init(rule: LunarYearlyRule, from: CivilDate, year: Int) {
            self.rule = rule
            self.from = from
            self.year = year
        }

        public mutating func next() -> CivilDate? {
            while pending.isEmpty {
                guard year <= LunisolarCalendar.supportedYears.upperBound else { return nil }
                pending = rule.dates(inLunarYear: year).filter { $0 >= from }.reversed()
                year += 1
            }
            return pending.removeLast()
        }
    }
}
