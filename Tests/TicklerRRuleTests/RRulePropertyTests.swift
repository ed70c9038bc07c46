import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerRRule

/// Properties that must hold for any rule: order, membership, COUNT, UNTIL, and `after` queries.
@Suite struct RRulePropertyTests {
    static let cases = RandomRules.cases(300, seed: 20_261_129)
    static let newYork = try! ZoneDatabase.shared.rules(for: "America/New_York")
    static let epoch = Instant(microsecondsSinceEpoch: Int64.min / 2)

    /// The first `limit` occurrences from the start.
    static func expand(
        _ rule: RecurrenceRule,
        _ start: LocalDateTime,
        _ zone: ZoneRules = .utc,
        limit: Int = 120
    )
        -> [Instant]
    {
        RRuleRecurrence(rule: rule, start: start, zone: zone).occurrences(after: epoch, limit: limit)
    }

    /// The rule with some parts replaced.
    static func variant(
        _ rule: RecurrenceRule,
        count: Int? = nil,
        until: RecurrenceRule.Until? = nil,
        bySetPosition: [Int]? = nil
    ) -> RecurrenceRule {
        try! RecurrenceRule(
            frequency: rule.frequency,
            interval: rule.interval,
            count: count,
            until: until,
            bySecond: rule.bySecond,
            byMinute: rule.byMinute,
            byHour: rule.byHour,
            byDay: rule.byDay,
            byMonthDay: rule.byMonthDay,
            byYearDay: rule.byYearDay,
            byWeekNumber: rule.byWeekNumber,
            byMonth: rule.byMonth,
            bySetPosition: bySetPosition ?? rule.bySetPosition,
            weekStart: rule.weekStart
        )
    }

    @Test(arguments: cases)
    func strictlyIncreasing(_ value: RandomRules.Case) {
        for zone in [ZoneRules.utc, Self.newYork] {
            let instants = Self.expand(value.rule, value.start, zone)
            #expect(zip(instants, instants.dropFirst()).allSatisfy { $0 < $1 }, "\(zone)")
        }
    }

    @Test(arguments: cases)
    func everyOccurrenceMatchesTheRule(_ value: RandomRules.Case) {
        let instants = Self.expand(value.rule, value.start)
        for instant in instants {
            let local = ZoneRules.utc.localDateTime(at: instant)
            let failure = RuleMatcher(rule: value.rule, start: value.start).mismatch(local)
            #expect(failure == nil, "\(local): \(failure ?? "")")
            if failure != nil { break }
        }
        if !value.rule.bySetPosition.isEmpty {
            // BYSETPOS only picks among the occurrences of the same rule without it.
            let unfiltered = Set(
                Self.expand(
                    Self.variant(value.rule, until: value.rule.until, bySetPosition: []),
                    value.start,
                    limit: 1000
                )
            )
            let last = unfiltered.max() ?? Self.epoch
            #expect(instants.filter { $0 <= last }.allSatisfy(unfiltered.contains))
        }
    }

    @Test(arguments: cases.filter { $0.rule.count != nil })
    func countIsExact(_ value: RandomRules.Case) {
        let counted = Self.expand(value.rule, value.start, limit: 1000)
        let unbounded = Self.expand(Self.variant(value.rule), value.start, limit: value.rule.count!)
        #expect(counted == unbounded)
    }

    @Test(arguments: cases.filter { $0.rule.until != nil })
    func untilIsRespected(_ value: RandomRules.Case) {
        let bounded = Self.expand(value.rule, value.start, limit: 1000)
        let unbounded = Self.expand(Self.variant(value.rule), value.start, limit: bounded.count + 50)
        let expected = unbounded.filter { instant in
            let local = ZoneRules.utc.localDateTime(at: instant)
            switch value.rule.until! {
            case .date(let date): return local.date <= date
            case .local(let until): return local <= until
            case .utc(let until): return instant <= until
            }
        }
        // `bounded` may stop at the limit of 1000 before UNTIL does.
        #expect(bounded == Array(expected.prefix(bounded.count)))
        #expect(bounded.count == 1000 || bounded.count == expected.count)
    }

    @Test(arguments: cases)
    func occurrencesAfterEqualTheFilteredSequence(_ value: RandomRules.Case) {
        for zone in [ZoneRules.utc, Self.newYork] {
            let recurrence = RRuleRecurrence(rule: value.rule, start: value.start, zone: zone)
            let all = Self.expand(value.rule, value.start, zone, limit: 200)
            guard let first = all.first, let last = all.last else { continue }
            var random = SeededRandom(seed: UInt64(truncatingIfNeeded: first.microsecondsSinceEpoch))
            let span = last.microseconds(since: first) + 4 * 86_400_000_000
            var queries = all.prefix(3) + all.suffix(2)
            for _ in 0..<5 {
                queries.append(
                    first.adding(microseconds: Int64.random(in: 0...span, using: &random) - 2 * 86_400_000_000)
                )
            }
            for x in queries {
                let expected = Array(all.filter { $0 > x }.prefix(10))
                let got = recurrence.occurrences(after: x, limit: expected.count)
                #expect(got == expected, "after \(x) in \(zone)")
            }
        }
    }
}

/// An independent check that one wall-clock time satisfies a rule's parts, written without the engine's masks.
struct RuleMatcher {
    let rule: RecurrenceRule
    let start: LocalDateTime

    /// Why `local` cannot be an occurrence, or nil when it can.
    func mismatch(_ local: LocalDateTime) -> String? {
        let date = local.date
        if local < start { return "before the start" }
        if !rule.byMonth.isEmpty && !rule.byMonth.contains(date.month) { return "month" }
        let length = CivilDate.daysInMonth(year: date.year, month: date.month)
        let yearLength = CivilDate.daysInYear(date.year)
        if !rule.byMonthDay.isEmpty
            && !rule.byMonthDay.contains(where: { $0 == date.day || $0 == date.day - length - 1 })
        {
            return "day of month"
        }
        if !rule.byYearDay.isEmpty
            && !rule.byYearDay.contains(where: { $0 == date.dayOfYear || $0 == date.dayOfYear - yearLength - 1 })
        {
            return "day of year"
        }
        if !rule.byDay.isEmpty && !rule.byDay.contains(where: { matches($0, date) }) { return "weekday" }
        if !rule.byWeekNumber.isEmpty {
            let (week, weeks) = Self.week(of: date, weekStart: rule.weekStart)
            if !rule.byWeekNumber.contains(where: { $0 == week || $0 == week - weeks - 1 }) { return "week number" }
        }
        let defaults =
            rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty
        if defaults {
            switch rule.frequency {
            case .yearly where rule.byMonth.isEmpty && date.month != start.date.month: return "default month"
            case .yearly, .monthly: if date.day != start.date.day { return "default day" }
            case .weekly: if date.weekday != start.date.weekday { return "default weekday" }
            default: break
            }
        }
        if let reason = timeMismatch(local.time) { return reason }
        return intervalMismatch(local)
    }

    private func timeMismatch(_ time: TimeOfDay) -> String? {
        let hours = rule.byHour.isEmpty && rule.frequency > .hourly ? [start.time.hour] : rule.byHour
        let minutes = rule.byMinute.isEmpty && rule.frequency > .minutely ? [start.time.minute] : rule.byMinute
        let seconds = rule.bySecond.isEmpty && rule.frequency > .secondly ? [start.time.second] : rule.bySecond
        if !hours.isEmpty && !hours.contains(time.hour) { return "hour" }
        if !minutes.isEmpty && !minutes.contains(time.minute) { return "minute" }
        if !seconds.isEmpty && !seconds.contains(time.second) { return "second" }
        return nil
    }

    /// Whether the occurrence lies in a period that the interval selects.
    private func intervalMismatch(_ local: LocalDateTime) -> String? {
        let date = local.date
        let steps: Int
        switch rule.frequency {
        case .yearly: steps = date.year - start.date.year
        case .monthly: steps = (date.year - start.date.year) * 12 + date.month - start.date.month
        case .weekly:
            func weekStart(_ d: CivilDate) -> Int {
                d.daysSinceEpoch - (d.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
            }
            steps = (weekStart(date) - weekStart(start.date)) / 7
        case .daily: steps = date.daysSinceEpoch - start.date.daysSinceEpoch
        case .hourly: steps = Int((local.localSeconds / 3600) - (start.localSeconds / 3600))
        case .minutely: steps = Int((local.localSeconds / 60) - (start.localSeconds / 60))
        case .secondly: steps = Int(local.localSeconds - start.localSeconds)
        }
        return steps % rule.interval == 0 ? nil : "interval"
    }

    private func matches(_ entry: RecurrenceRule.WeekdayNumber, _ date: CivilDate) -> Bool {
        guard date.weekday == entry.weekday else { return false }
        guard let ordinal = entry.ordinal else { return true }
        let inYear = rule.frequency == .yearly && rule.byMonth.isEmpty
        let index = inYear ? date.dayOfYear : date.day
        let length =
            inYear ? CivilDate.daysInYear(date.year) : CivilDate.daysInMonth(year: date.year, month: date.month)
        // The n-th such weekday from the start, and from the end.
        return ordinal == (index + 6) / 7 || ordinal == -((length - index) / 7 + 1)
    }

    /// The week number of `date` and the number of weeks of its week-numbering year: week 1 is the week that holds
    /// 4 January.
    static func week(of date: CivilDate, weekStart: Weekday) -> (Int, Int) {
        func weekOne(_ year: Int) -> Int {
            let fourth = CivilDate(year: year, month: 1, day: 4)!
            return fourth.daysSinceEpoch - (fourth.weekday.rawValue - weekStart.rawValue + 7) % 7
        }
        var year = date.year + 1
        while weekOne(year) > date.daysSinceEpoch { year -= 1 }
        return ((date.daysSinceEpoch - weekOne(year)) / 7 + 1, (weekOne(year + 1) - weekOne(year)) / 7)
    }
}
