public import TicklerCalendar

/// The local date of a solar term every year (Qingming, about 4–5 April): the schedule's `solar-term` key.
///
/// The date is the day on which the term's instant falls at the calendar's UTC offset (UTC+7 for `vietnamese`,
/// UTC+8 for `chinese`), so the two calendars can differ by a day when the term is near midnight. The dates cover
/// the years of ``LunisolarCalendar/supportedYears``.
public struct SolarTermRule: DateRule, Hashable {
    /// The solar term.
    public let term: SolarTerm
    /// The calendar whose offset decides the local date.
    public let calendar: LunarCalendarKind

    /// The rule for `term` on `calendar`.
    public init(term: SolarTerm, calendar: LunarCalendarKind = .vietnamese) {
        self.term = term
        self.calendar = calendar
    }

    public func dates(from date: CivilDate) -> Dates {
        Dates(rule: self, from: date, year: max(date.year, LunisolarCalendar.supportedYears.lowerBound))
    }

    /// The iterator of ``SolarTermRule``: one date per Gregorian year.
    public struct Dates: IteratorProtocol {
        let rule: SolarTermRule
        let from: CivilDate
        var year: Int

        public mutating func next() -> CivilDate? {
            while year <= LunisolarCalendar.supportedYears.upperBound {
                let date = rule.term.date(in: year, calendar: rule.calendar)
                year += 1
                if date >= from { return date }
            }
            return nil
        }
    }
}
