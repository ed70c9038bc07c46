public import TicklerCalendar

/// Which days are working days: Monday to Friday, except holidays, plus announced make-up working days.
///
/// A date listed in ``workdays`` is a working day whatever else it is (a Saturday made a working day to bridge a
/// holiday, as Vietnam and China announce every year); otherwise Saturdays, Sundays and holidays are days off.
public struct WorkingDays: Hashable, Sendable {
    /// The holidays observed.
    public let holidays: HolidayCalendar
    /// Announced make-up working days (usually weekend days).
    public let workdays: Set<CivilDate>

    /// Working days Monday to Friday, without holidays.
    public static let weekdays = WorkingDays(holidays: .none)

    /// Working days with `holidays` off and `workdays` on.
    public init(holidays: HolidayCalendar, workdays: Set<CivilDate> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Parses the schedule's `holidays` and `workdays` lists.
    ///
    /// - Throws: ``LunarParseError`` naming the first bad entry.
    public static func parse(holidays: [String], workdays: [String]) throws(LunarParseError) -> WorkingDays {
        var days: Set<CivilDate> = []
        for text in workdays { days.formUnion(try HolidayCalendar.parseDates(text, kind: .workdays)) }
        return WorkingDays(holidays: try HolidayCalendar.parse(names: holidays), workdays: days)
    }

    /// Whether people work on `date`.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if workdays.contains(date) { return true }
        return !date.weekday.isWeekend && !holidays.isHoliday(date)
    }

    /// The longest run of days off searched before giving up and leaving a date where it is (a misconfiguration,
    /// such as a year of holidays).
    static let longestSearch = 400

    /// `date` moved to the nearest working day in the direction of `adjustment` (unchanged when it is one).
    public func adjust(_ date: CivilDate, _ adjustment: DateAdjustment) -> CivilDate {
        let step: Int
        switch adjustment {
        case .none: return date
        case .previousWorkday: step = -1
        case .nextWorkday: step = 1
        }
        var day = date
        for _ in 0..<Self.longestSearch {
            if isWorkingDay(day) { return day }
            day = day.adding(days: step)
        }
        return date
    }
}
