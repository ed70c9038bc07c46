/// A date of a lunisolar calendar: lunar year, month 1…12 (possibly the leap repetition of a month) and day 1…30.
///
/// The lunar year is numbered by the Gregorian year in which its month 1 begins (Tết 2027 begins lunar year 2027).
public struct LunarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The lunar year.
    public let year: Int
    /// The month number, 1…12.
    public let month: Int
    /// The day of the month, 1…30.
    public let day: Int
    /// Whether this is the leap (intercalary) month that repeats `month`.
    public let isLeapMonth: Bool

    /// Creates a lunar date; it may name a day that does not exist (see ``LunisolarCalendar/civilDate(for:)``).
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// Creates a lunar date from parts already known to be valid.
    init(unchecked year: Int, _ month: Int, _ day: Int, isLeapMonth: Bool) {
        self.init(year: year, month: month, day: day, isLeapMonth: isLeapMonth)
    }

    /// `MM-DD`, with `L` after the month of a leap month (`04L-15`), as the schedule file writes lunar dates.
    public var monthDay: String { "\(Self.pad(month))\(isLeapMonth ? "L" : "")-\(Self.pad(day))" }

    /// `2027-01-01`, or `2025-06L-01` in a leap month.
    public var description: String { "\(year)-\(monthDay)" }

    /// The sexagenary (can chi / 干支) name of the lunar year.
    public var sexagenaryYear: SexagenaryYear { SexagenaryYear(lunarYear: year) }

    /// Calendar order: a leap month follows the regular month of the same number.
    public static func < (lhs: LunarDate, rhs: LunarDate) -> Bool {
        (lhs.year, lhs.month, lhs.isLeapMonth ? 1 : 0, lhs.day) < (
            rhs.year, rhs.month, rhs.isLeapMonth ? 1 : 0, rhs.day
        )
    }

    /// Two digits.
    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
