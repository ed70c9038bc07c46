/// A month and day of the lunar calendar without a year, as the schedule's `lunar = "MM-DD"` key gives it.
public struct LunarMonthDay: Hashable, Sendable, CustomStringConvertible {
    /// The month, 1…12.
    public let month: Int
    /// The day, 1…30.
    public let day: Int

    /// Creates a month-day, or nil when the month is not 1…12 or the day not 1…30.
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...30).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD` (one or two digits each), e.g. `01-01` for Tết or `08-15` for the Mid-Autumn Festival.
    public init(parsing text: String) throws(LunarParseError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1])
        else {
            throw LunarParseError(kind: .lunarDate, text: text, reason: "expected MM-DD, e.g. \"01-01\" or \"08-15\"")
        }
        guard (1...12).contains(month) else {
            throw LunarParseError(kind: .lunarDate, text: text, reason: "month \(month) is not 1…12")
        }
        guard let value = LunarMonthDay(month: month, day: day) else {
            throw LunarParseError(kind: .lunarDate, text: text, reason: "day \(day) is not 1…30")
        }
        self = value
    }

    /// `MM-DD`.
    public var description: String {
        "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
