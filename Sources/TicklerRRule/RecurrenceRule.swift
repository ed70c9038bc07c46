public import TicklerCalendar

/// A parsed RFC 5545 recurrence rule (§3.3.10), such as `FREQ=MONTHLY;BYDAY=-1FR`.
///
/// The value only describes the rule; ``RRuleRecurrence`` expands it from a start (DTSTART) in a time zone.
/// Lists keep the order in which they were written; ``description`` gives the canonical RRULE text back.
public struct RecurrenceRule: Hashable, Sendable, CustomStringConvertible {
    /// How often the rule repeats.
    public let frequency: Frequency
    /// Every how many periods of ``frequency`` (1 or more).
    public let interval: Int
    /// How many occurrences there are, if the rule is bounded by a count.
    public let count: Int?
    /// The last moment an occurrence may fall on, if the rule is bounded by a date.
    public let until: Until?
    /// Seconds of the minute, 0…60.
    public let bySecond: [Int]
    /// Minutes of the hour, 0…59.
    public let byMinute: [Int]
    /// Hours of the day, 0…23.
    public let byHour: [Int]
    /// Weekdays, optionally numbered within the month or year (`2MO`, `-1FR`).
    public let byDay: [WeekdayNumber]
    /// Days of the month, ±1…31 (negative counts from the month's end).
    public let byMonthDay: [Int]
    /// Days of the year, ±1…366.
    public let byYearDay: [Int]
    /// Week numbers of the year, ±1…53, weeks starting on ``weekStart``.
    public let byWeekNumber: [Int]
    /// Months, 1…12.
    public let byMonth: [Int]
    /// Positions within each period's set of occurrences, ±1…366.
    public let bySetPosition: [Int]
    /// The day a week starts on (WKST), Monday unless given.
    public let weekStart: Weekday

    /// The largest COUNT of a rule whose occurrences cannot be counted in bulk (``RRuleRecurrence`` counts whole
    /// cycles of a rule instead of listing them; a rule without an affordable cycle — FREQ=HOURLY, MINUTELY or
    /// SECONDLY with a day part, or very many occurrences a period — is listed from DTSTART, which this bounds).
    public static let largestCountWithoutCycle = 10_000

    /// ``largestCountWithoutCycle`` as people read it: `10,000`.
    public static let largestCountWithoutCycleText = "10,000"

    /// Creates a rule from its parts, checking them as the parser does.
    ///
    /// - Throws: ``RRuleError`` naming the first part that is out of range or not allowed with `frequency`.
    public init(
        frequency: Frequency,
        interval: Int = 1,
        count: Int? = nil,
        until: Until? = nil,
        bySecond: [Int] = [],
        byMinute: [Int] = [],
        byHour: [Int] = [],
        byDay: [WeekdayNumber] = [],
        byMonthDay: [Int] = [],
        byYearDay: [Int] = [],
        byWeekNumber: [Int] = [],
        byMonth: [Int] = [],
        bySetPosition: [Int] = [],
        weekStart: Weekday = .monday
    ) throws(RRuleError) {
        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.bySecond = bySecond
        self.byMinute = byMinute
        self.byHour = byHour
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byYearDay = byYearDay
        self.byWeekNumber = byWeekNumber
        self.byMonth = byMonth
        self.bySetPosition = bySetPosition
        self.weekStart = weekStart
        try validate()
    }

    /// The canonical RRULE text, without the `RRULE:` prefix: parts in a fixed order, defaults left out.
    public var description: String {
        var parts = ["FREQ=\(frequency.name)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until)") }
        func list(_ name: String, _ values: [Int]) {
            if !values.isEmpty { parts.append("\(name)=" + values.map(String.init).joined(separator: ",")) }
        }
        list("BYMONTH", byMonth)
        list("BYWEEKNO", byWeekNumber)
        list("BYYEARDAY", byYearDay)
        list("BYMONTHDAY", byMonthDay)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        list("BYHOUR", byHour)
        list("BYMINUTE", byMinute)
        list("BYSECOND", bySecond)
        list("BYSETPOS", bySetPosition)
        if weekStart != .monday { parts.append("WKST=\(weekStart.rfc5545Code)") }
        return parts.joined(separator: ";")
    }
}
