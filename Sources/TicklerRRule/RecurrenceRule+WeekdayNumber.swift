public import TicklerCalendar

extension RecurrenceRule {
    /// One BYDAY entry: a weekday, optionally numbered within the month or year (`MO`, `2MO`, `-1FR`).
    public struct WeekdayNumber: Hashable, Sendable, CustomStringConvertible {
        /// The weekday.
        public let weekday: Weekday
        /// Which one within the month or year, ±1…53 (negative counts from the end); nil means every such weekday.
        public let ordinal: Int?

        /// Every `weekday` (ordinal nil), or the `ordinal`-th one.
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// `MO`, `2MO`, `-1FR`.
        public var description: String { (ordinal.map(String.init) ?? "") + weekday.rfc5545Code }
    }
}
