import TicklerCalendar

extension RecurrenceRule {
    /// Parses RRULE text such as `FREQ=MONTHLY;BYDAY=2MO`, with or without the `RRULE:` prefix.
    ///
    /// Part names and values are read regardless of case; parts may come in any order, each at most once.
    /// - Throws: ``RRuleError`` naming the part that is wrong (`BYMONTH=13: month must be 1…12`).
    public init(parsing text: String) throws(RRuleError) {
        var body = Substring(text.trimmingSpaces())
        if body.uppercased().hasPrefix("RRULE:") { body = body.dropFirst(6) }
        var parts = RuleParts()
        for written in body.split(separator: ";", omittingEmptySubsequences: true) {
            try parts.read(written)
        }
        guard let frequency = parts.frequency else { throw RRuleError(part: "", reason: "FREQ is required") }
        try self.init(
            frequency: frequency,
            interval: parts.interval ?? 1,
            count: parts.count,
            until: parts.until,
            bySecond: parts.bySecond,
            byMinute: parts.byMinute,
            byHour: parts.byHour,
            byDay: parts.byDay,
            byMonthDay: parts.byMonthDay,
            byYearDay: parts.byYearDay,
            byWeekNumber: parts.byWeekNumber,
            byMonth: parts.byMonth,
            bySetPosition: parts.bySetPosition,
            weekStart: parts.weekStart ?? .monday
        )
    }
}

/// The parts of an RRULE as they are read, before the rule as a whole is checked.
private struct RuleParts {
    var frequency: RecurrenceRule.Frequency?
    var interval: Int?
    var count: Int?
    var until: RecurrenceRule.Until?
    var bySecond: [Int] = []
    var byMinute: [Int] = []
    var byHour: [Int] = []
    var byDay: [RecurrenceRule.WeekdayNumber] = []
    var byMonthDay: [Int] = []
    var byYearDay: [Int] = []
    var byWeekNumber: [Int] = []
    var byMonth: [Int] = []
    var bySetPosition: [Int] = []
    var weekStart: Weekday?
    var seen: Set<String> = []

    static let names = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]

    /// Reads one `NAME=VALUE` part.
    mutating func read(_ written: Substring) throws(RRuleError) {
        let part = String(written.trimmingSpaces())
        guard let equals = part.firstIndex(of: "=") else {
            throw RRuleError(part: part, reason: "expected NAME=VALUE")
        }
        let name = part[..<equals].uppercased()
        let value = part[part.index(after: equals)...].uppercased()
        guard Self.names.contains(name) else {
            throw RRuleError(
                part: part,
                reason: "unknown rule part \(name) (expected one of \(Self.names.joined(separator: ", ")))"
            )
        }
        guard seen.insert(name).inserted else { throw RRuleError(part: part, reason: "\(name) is given twice") }
        guard !value.isEmpty else { throw RRuleError(part: part, reason: "\(name) has no value") }
        switch name {
        case "FREQ":
            guard let frequency = RecurrenceRule.Frequency(name: value) else {
                throw RRuleError(
                    part: part,
                    reason: "frequency must be SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"
                )
            }
            self.frequency = frequency
        case "INTERVAL": interval = try Self.integer(value, part: part, what: "INTERVAL must be a whole number")
        case "COUNT": count = try Self.integer(value, part: part, what: "COUNT must be a whole number")
        case "UNTIL":
            guard let until = Self.until(value) else {
                throw RRuleError(part: part, reason: "expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ")
            }
            self.until = until
        case "WKST":
            guard let weekday = Self.weekday(value) else {
                throw RRuleError(part: part, reason: "week start must be MO, TU, WE, TH, FR, SA or SU")
            }
            weekStart = weekday
        case "BYDAY":
            byDay = try Self.list(value, name: name) { (item) throws(RRuleError) in try Self.day(item, name: name) }
        default:
            let values = try Self.list(value, name: name) { (item) throws(RRuleError) in
                try Self.integer(item, part: "\(name)=\(item)", what: "expected a whole number")
            }
            switch name {
            case "BYSECOND": bySecond = values
            case "BYMINUTE": byMinute = values
            case "BYHOUR": byHour = values
            case "BYMONTHDAY": byMonthDay = values
            case "BYYEARDAY": byYearDay = values
            case "BYWEEKNO": byWeekNumber = values
            case "BYMONTH": byMonth = values
            default: bySetPosition = values
            }
        }
    }

    /// Splits a comma-separated value and reads each item.
    static func list<T>(
        _ value: String,
        name: String,
        item read: (Substring) throws(RRuleError) -> T
    ) throws(RRuleError)
        -> [T]
    {
        var result: [T] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw RRuleError(part: "\(name)=\(value)", reason: "empty list item") }
            result.append(try read(item))
        }
        return result
    }

    /// An optionally signed decimal integer; one too large for any range is kept as a large value, so that the
    /// range checks report it (`COUNT must be at most 999,999,999`) rather than call it no number.
    static func integer(_ text: some StringProtocol, part: String, what: String) throws(RRuleError) -> Int {
        guard let value = signedInteger(text) else { throw RRuleError(part: part, reason: what) }
        return value
    }

    /// An optionally signed decimal integer of any length, saturated at ±`Int.max`; nil when it is no number.
    static func signedInteger(_ text: some StringProtocol) -> Int? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "+" || digits.first == "-" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value = 0
        for digit in digits.utf8 {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(digit - 0x30))
            guard !overflow, !carry else {
                value = .max
                break
            }
            value = sum
        }
        return negative ? -value : value
    }

    /// `MO`, `2MO`, `+2MO`, `-1FR`.
    static func day(_ item: Substring, name: String) throws(RRuleError) -> RecurrenceRule.WeekdayNumber {
        let part = "\(name)=\(item)"
        guard item.count >= 2, let weekday = weekday(item.suffix(2)) else {
            throw RRuleError(part: part, reason: "expected a weekday MO…SU, optionally numbered (2MO, -1FR)")
        }
        let number = item.dropLast(2)
        if number.isEmpty { return .init(weekday) }
        guard let ordinal = signedInteger(number) else {
            throw RRuleError(part: part, reason: "expected a weekday MO…SU, optionally numbered (2MO, -1FR)")
        }
        return .init(weekday, ordinal: ordinal)
    }

    static func weekday(_ code: some StringProtocol) -> Weekday? {
        Weekday.allCases.first { $0.rfc5545Code == code }
    }

    /// `YYYYMMDD`, `YYYYMMDDTHHMMSS` (wall clock) or the same with `Z` (UTC).
    static func until(_ value: String) -> RecurrenceRule.Until? {
        let bytes = Array(value.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var result = 0
            for byte in bytes[start..<start + length] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                result = result * 10 + Int(byte - 0x30)
            }
            return result
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        if bytes.count == 8 { return .date(date) }
        guard bytes.count == 15 || (bytes.count == 16 && bytes[15] == UInt8(ascii: "Z")), bytes[8] == UInt8(ascii: "T"),
            let hour = number(9, 2), let minute = number(11, 2), let second = number(13, 2),
            let time = TimeOfDay(hour: hour, minute: minute, second: second)
        else { return nil }
        let local = LocalDateTime(date: date, time: time)
        return bytes.count == 15 ? .local(local) : .utc(Instant(microsecondsSinceEpoch: local.localMicroseconds))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
