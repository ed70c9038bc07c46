public import TicklerCalendar

/// A built-in set of public holidays, computed by its base rule for any year.
///
/// The base rules follow the law, not the yearly announcements: governments move and bridge days off every year
/// (and China adds weekend make-up working days), so add the announced days with `holidays = ["2027-02-13", …]`
/// and `workdays = […]` (see ``HolidayCalendar`` and ``WorkingDays``).
///
/// `vn` — Labour Code 2019, art. 112 and 111(3), Vietnamese calendar:
/// - Tết Dương lịch: 1 January;
/// - Tết Nguyên Đán, five days: the last day of the lunar year and days 1–4 of month 1;
/// - Giỗ Tổ Hùng Vương: day 10 of lunar month 3;
/// - Ngày Chiến thắng 30 April and Quốc tế Lao động 1 May;
/// - Quốc khánh: 2 September and one adjacent day — 1 September when the 2nd is a Tuesday, Friday or Saturday
///   (bridging to the weekend), otherwise 3 September (as the announcements of 2020–2025 chose);
/// - a holiday on a Saturday or Sunday gives a compensatory day off on the next day that is neither a weekend day
///   nor a holiday (art. 111(3)).
///
/// `cn` — the State Council's holiday rules with the usual announced spans, Chinese calendar (UTC+8):
/// - New Year's Day: 1 January;
/// - Spring Festival: New Year's Eve (the last day of the lunar year) through day 7 of month 1;
/// - Qingming: the day of the Qingming solar term;
/// - Labour Day: 1–5 May;
/// - Dragon Boat Festival: day 5 of lunar month 5;
/// - Mid-Autumn Festival: day 15 of lunar month 8;
/// - National Day: 1–7 October.
public enum HolidaySet: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Vietnam's public holidays.
    case vn
    /// China's public holidays.
    case cn

    /// `vn` or `cn`.
    public var description: String { rawValue }

    /// The holidays of Gregorian year `year`, sorted, without duplicates.
    public func dates(in year: Int) -> [CivilDate] {
        HolidayCache.holidays(of: self, in: year).sorted()
    }

    /// Whether `date` is one of this set's holidays.
    public func contains(_ date: CivilDate) -> Bool {
        HolidayCache.holidays(of: self, in: date.year).contains(date)
    }

    /// Computes the holidays of `year` by the base rule.
    func computeDates(in year: Int) -> [CivilDate] {
        let base: Set<CivilDate>
        switch self {
        case .vn: base = Self.vietnameseBaseDates(in: year)
        case .cn: base = Self.chineseBaseDates(in: year)
        }
        guard self == .vn else { return base.sorted() }
        return Self.addingCompensatoryDays(to: base).filter { $0.year == year }.sorted()
    }

    /// Vietnam's base holidays in `year`, before compensatory days.
    private static func vietnameseBaseDates(in year: Int) -> Set<CivilDate> {
        let calendar = LunisolarCalendar.vietnamese
        var dates: Set<CivilDate> = [CivilDate(unchecked: year, 1, 1)]
        if let newYear = calendar.newYear(of: year) {
            for offset in -1...3 { dates.insert(newYear.adding(days: offset)) }
        }
        if let hungKings = calendar.civilDate(for: LunarDate(year: year, month: 3, day: 10)) {
            dates.insert(hungKings)
        }
        dates.insert(CivilDate(unchecked: year, 4, 30))
        dates.insert(CivilDate(unchecked: year, 5, 1))
        let nationalDay = CivilDate(unchecked: year, 9, 2)
        dates.insert(nationalDay)
        switch nationalDay.weekday {
        case .tuesday, .friday, .saturday: dates.insert(CivilDate(unchecked: year, 9, 1))
        default: dates.insert(CivilDate(unchecked: year, 9, 3))
        }
        return dates
    }

    /// China's base holidays in `year`.
    private static func chineseBaseDates(in year: Int) -> Set<CivilDate> {
        let calendar = LunisolarCalendar.chinese
        var dates: Set<CivilDate> = [CivilDate(unchecked: year, 1, 1)]
        if let newYear = calendar.newYear(of: year) {
            for offset in -1...6 { dates.insert(newYear.adding(days: offset)) }
        }
        dates.insert(SolarTerm.qingming.date(in: year, calendar: .chinese))
        for day in 1...5 { dates.insert(CivilDate(unchecked: year, 5, day)) }
        for (month, day) in [(5, 5), (8, 15)] {
            if let date = calendar.civilDate(for: LunarDate(year: year, month: month, day: day)) { dates.insert(date) }
        }
        for day in 1...7 { dates.insert(CivilDate(unchecked: year, 10, day)) }
        return dates
    }

    /// The holidays plus, for each one on a weekend, a day off on the next weekday that is not already off.
    private static func addingCompensatoryDays(to holidays: Set<CivilDate>) -> Set<CivilDate> {
        var result = holidays
        for holiday in holidays.sorted() where holiday.weekday.isWeekend {
            var day = holiday.adding(days: 1)
            while day.weekday.isWeekend || result.contains(day) { day = day.adding(days: 1) }
            result.insert(day)
        }
        return result
    }
}
