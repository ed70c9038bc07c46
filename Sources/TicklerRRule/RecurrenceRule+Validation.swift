import TicklerCalendar

extension RecurrenceRule {
    /// Checks ranges and the combinations RFC 5545 §3.3.10 rules out.
    func validate() throws(RRuleError) {
        if interval < 1 { throw RRuleError(part: "INTERVAL=\(interval)", reason: "INTERVAL must be 1 or more") }
        if interval > Limits.maximumCount {
            throw RRuleError(
                part: "INTERVAL=\(interval)",
                reason: "INTERVAL must be at most \(Limits.maximumCountText)"
            )
        }
        if let count, count < 1 { throw RRuleError(part: "COUNT=\(count)", reason: "COUNT must be 1 or more") }
        if let count, count > Limits.maximumCount {
            throw RRuleError(part: "COUNT=\(count)", reason: "COUNT must be at most \(Limits.maximumCountText)")
        }
        if count != nil && until != nil { throw RRuleError(part: "", reason: "COUNT and UNTIL cannot both be given") }
        if let count, count > Self.largestCountWithoutCycle,
            !RRulePlan(rule: self, start: LocalDateTime(date: CivilDate(unchecked: 2000, 1, 1), time: .midnight))
                .countsInBulk
        {
            throw RRuleError(
                part: "COUNT=\(count)",
                reason:
                    "COUNT must be at most \(Self.largestCountWithoutCycleText) for this rule: its occurrences do not "
                    + "repeat in a short cycle, so they cannot be counted in bulk (FREQ=HOURLY, MINUTELY or SECONDLY "
                    + "with BYMONTH, BYMONTHDAY, BYYEARDAY or BYDAY, or very many occurrences a period)"
            )
        }
        try Self.check("BYSECOND", bySecond, 0...60, "second must be 0…60")
        try Self.check("BYMINUTE", byMinute, 0...59, "minute must be 0…59")
        try Self.check("BYHOUR", byHour, 0...23, "hour must be 0…23")
        try Self.check("BYMONTH", byMonth, 1...12, "month must be 1…12")
        try Self.check("BYMONTHDAY", byMonthDay, signed: 31, "day of the month must be 1…31 or -31…-1")
        try Self.check("BYYEARDAY", byYearDay, signed: 366, "day of the year must be 1…366 or -366…-1")
        try Self.check("BYWEEKNO", byWeekNumber, signed: 53, "week number must be 1…53 or -53…-1")
        try Self.check("BYSETPOS", bySetPosition, signed: 366, "position must be 1…366 or -366…-1")
        for day in byDay {
            guard let ordinal = day.ordinal else { continue }
            let part = "BYDAY=\(day)"
            if ordinal == 0 || abs(ordinal) > 53 {
                throw RRuleError(part: part, reason: "weekday number must be 1…53 or -53…-1")
            }
            if frequency != .monthly && frequency != .yearly {
                throw RRuleError(part: part, reason: "a numbered weekday needs FREQ=MONTHLY or FREQ=YEARLY")
            }
            if !byWeekNumber.isEmpty {
                throw RRuleError(part: part, reason: "a numbered weekday cannot be combined with BYWEEKNO")
            }
            if frequency == .monthly && abs(ordinal) > 5 {
                throw RRuleError(part: part, reason: "a month has at most 5 of each weekday")
            }
        }
        if let first = byWeekNumber.first, frequency != .yearly {
            throw RRuleError(part: "BYWEEKNO=\(first)", reason: "BYWEEKNO needs FREQ=YEARLY")
        }
        if let first = byYearDay.first, [.daily, .weekly, .monthly].contains(frequency) {
            throw RRuleError(part: "BYYEARDAY=\(first)", reason: "BYYEARDAY cannot be used with FREQ=\(frequency.name)")
        }
        if let first = byMonthDay.first, frequency == .weekly {
            throw RRuleError(part: "BYMONTHDAY=\(first)", reason: "BYMONTHDAY cannot be used with FREQ=WEEKLY")
        }
        let others = [bySecond, byMinute, byHour, byMonthDay, byYearDay, byWeekNumber, byMonth]
        if let first = bySetPosition.first, byDay.isEmpty, others.allSatisfy(\.isEmpty) {
            throw RRuleError(part: "BYSETPOS=\(first)", reason: "BYSETPOS needs another BYxxx part to choose from")
        }
    }

    private static func check(
        _ name: String,
        _ values: [Int],
        _ range: ClosedRange<Int>,
        _ reason: String
    )
        throws(RRuleError)
    {
        if let bad = values.first(where: { !range.contains($0) }) {
            throw RRuleError(part: "\(name)=\(bad)", reason: reason)
        }
    }

    private static func check(_ name: String, _ values: [Int], signed limit: Int, _ reason: String) throws(RRuleError) {
        if let bad = values.first(where: { $0 == 0 || abs($0) > limit }) {
            throw RRuleError(part: "\(name)=\(bad)", reason: reason)
        }
    }
}
