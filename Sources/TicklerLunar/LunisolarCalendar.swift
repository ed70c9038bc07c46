public import TicklerCalendar

/// The Vietnamese or Chinese lunisolar calendar: conversions between Gregorian and lunar dates.
///
/// Computed from astronomy (true new moons and the Sun's apparent longitude after J. Meeus), not from tables copied
/// from elsewhere. Each calendar's month table is computed once, the first time it is used (tens of milliseconds),
/// and shared by all threads; after that, conversions take tens of nanoseconds.
///
/// ```swift
/// let calendar = LunisolarCalendar(kind: .vietnamese)
/// calendar.lunarDate(for: CivilDate(year: 2027, month: 2, day: 6)!)   // 2027-01-01, Tết Đinh Mùi
/// calendar.civilDate(for: LunarDate(year: 2027, month: 1, day: 1))     // 2027-02-06
/// ```
public struct LunisolarCalendar: Hashable, Sendable {
    /// Which calendar this is.
    public let kind: LunarCalendarKind

    /// The lunar years both calendars cover.
    public static let supportedYears: ClosedRange<Int> = 1800...2300

    /// The Vietnamese calendar (UTC+7).
    public static let vietnamese = LunisolarCalendar(kind: .vietnamese)

    /// The Chinese calendar (UTC+8).
    public static let chinese = LunisolarCalendar(kind: .chinese)

    /// Creates the calendar of `kind`.
    public init(kind: LunarCalendarKind) {
        self.kind = kind
    }

    /// The precomputed month table of this calendar.
    var table: MonthTable {
        switch kind {
        case .vietnamese: MonthTables.vietnamese
        case .chinese: MonthTables.chinese
        }
    }

    /// The Gregorian dates this calendar converts: from the first day of ``supportedYears`` to the last.
    public var supportedDates: ClosedRange<CivilDate> {
        CivilDate(daysSinceEpoch: table.firstDay)...CivilDate(daysSinceEpoch: table.endDay - 1)
    }

    /// The lunar date of a Gregorian date, or nil outside ``supportedDates``.
    public func lunarDate(for date: CivilDate) -> LunarDate? {
        table.lunarDate(day: date.daysSinceEpoch)
    }

    /// The Gregorian date of a lunar date, or nil when it does not exist (day 30 of a 29-day month, a leap month the
    /// year does not have, a year outside ``supportedYears``).
    public func civilDate(for date: LunarDate) -> CivilDate? {
        guard let index = table.monthIndex(year: date.year, month: date.month, isLeapMonth: date.isLeapMonth) else {
            return nil
        }
        let month = table.month(at: index)
        guard date.day >= 1, date.day <= month.length else { return nil }
        return CivilDate(daysSinceEpoch: month.firstDay + date.day - 1)
    }

    /// The number of days (29 or 30) of a lunar month, or nil when the year has no such month.
    public func monthLength(year: Int, month: Int, isLeapMonth: Bool = false) -> Int? {
        table.monthIndex(year: year, month: month, isLeapMonth: isLeapMonth).map { table.month(at: $0).length }
    }

    /// The number of the month a lunar year repeats as its leap month, or nil when the year has twelve months.
    public func leapMonth(in year: Int) -> Int? {
        table.leapMonth(year: year)
    }

    /// The Gregorian date of the lunar new year (Tết Nguyên Đán, 春节) of `year`, or nil outside the range.
    public func newYear(of year: Int) -> CivilDate? {
        civilDate(for: LunarDate(year: year, month: 1, day: 1))
    }

    /// The months of a lunar year in order, leap month included; empty outside ``supportedYears``.
    public func months(in year: Int) -> [LunarMonth] {
        var months: [LunarMonth] = []
        for number in 1...12 {
            for isLeap in [false, true] {
                guard let index = table.monthIndex(year: year, month: number, isLeapMonth: isLeap) else { continue }
                let month = table.month(at: index)
                months.append(
                    LunarMonth(
                        year: year,
                        month: number,
                        isLeapMonth: isLeap,
                        firstDay: CivilDate(daysSinceEpoch: month.firstDay),
                        length: month.length
                    )
                )
            }
        }
        return months
    }
}
