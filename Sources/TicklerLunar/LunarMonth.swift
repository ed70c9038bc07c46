public import TicklerCalendar

/// One month of a lunar year: its number, whether it is the leap month, its first Gregorian day and its length.
public struct LunarMonth: Hashable, Sendable, CustomStringConvertible {
    /// The lunar year.
    public let year: Int
    /// The month number, 1…12.
    public let month: Int
    /// Whether this is the leap repetition of `month`.
    public let isLeapMonth: Bool
    /// The Gregorian date of day 1.
    public let firstDay: CivilDate
    /// 29 or 30.
    public let length: Int

    /// `2025-06L starts 2025-07-25, 29 days`.
    public var description: String {
        let number = month < 10 ? "0\(month)" : String(month)
        return "\(year)-\(number)\(isLeapMonth ? "L" : "") starts \(firstDay), \(length) days"
    }
}
