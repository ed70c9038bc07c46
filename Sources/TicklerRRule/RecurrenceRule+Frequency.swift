extension RecurrenceRule {
    /// The FREQ of a rule, from the finest to the coarsest period.
    public enum Frequency: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
        case secondly, minutely, hourly, daily, weekly, monthly, yearly

        /// The RRULE name, `MONTHLY`.
        public var name: String {
            switch self {
            case .secondly: "SECONDLY"
            case .minutely: "MINUTELY"
            case .hourly: "HOURLY"
            case .daily: "DAILY"
            case .weekly: "WEEKLY"
            case .monthly: "MONTHLY"
            case .yearly: "YEARLY"
            }
        }

        public var description: String { name }

        /// Reads an upper-case FREQ value.
        init?(name: String) {
            guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = match
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }
}
