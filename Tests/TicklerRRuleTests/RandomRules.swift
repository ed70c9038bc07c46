import TicklerCalendar
import TicklerRRule

/// A small seeded generator (SplitMix64), so that property tests see the same rules on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid rules over every frequency and BY-part, with starts, for property tests.
enum RandomRules {
    /// One rule with its start.
    struct Case: Sendable, CustomStringConvertible {
        let rule: RecurrenceRule
        let start: LocalDateTime
        var description: String { "\(rule) from \(start)" }
    }

    /// `count` cases from `seed`; starts fall near the American daylight-saving changes when `nearDST`.
    static func cases(_ count: Int, seed: UInt64, nearDST: Bool = false) -> [Case] {
        var random = SeededRandom(seed: seed)
        var result: [Case] = []
        while result.count < count {
            if let value = make(&random, nearDST: nearDST) { result.append(value) }
        }
        return result
    }

    private static func some(
        _ range: ClosedRange<Int>,
        _ count: ClosedRange<Int>,
        _ random: inout SeededRandom
    )
        -> [Int]
    {
        (0..<Int.random(in: count, using: &random)).map { _ in Int.random(in: range, using: &random) }
    }

    private static func signed(_ limit: Int, _ random: inout SeededRandom) -> [Int] {
        some(1...limit, 1...3, &random).map { Bool.random(using: &random) ? $0 : -$0 }
    }

    private static func make(_ random: inout SeededRandom, nearDST: Bool) -> Case? {
        let frequency = RecurrenceRule.Frequency.allCases.randomElement(using: &random)!
        let fine = frequency < .daily
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
        let interval = chance(0.3) ? Int.random(in: 2...(fine ? 50 : 5), using: &random) : 1
        let byMonth = chance(0.3) ? some(1...12, 1...4, &random) : []
        let byWeekNumber = frequency == .yearly && chance(0.2) ? signed(53, &random) : []
        let yearDayAllowed = [.yearly, .hourly, .minutely, .secondly].contains(frequency)
        let byYearDay = yearDayAllowed && chance(0.15) ? signed(366, &random) : []
        let byMonthDay = frequency != .weekly && chance(0.3) ? signed(31, &random) : []
        var byDay: [RecurrenceRule.WeekdayNumber] = []
        if chance(0.45) {
            let numbered = (frequency == .monthly || frequency == .yearly) && byWeekNumber.isEmpty && chance(0.5)
            let limit = frequency == .monthly || !byMonth.isEmpty ? 5 : 53
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let weekday = Weekday.allCases.randomElement(using: &random)!
                byDay.append(.init(weekday, ordinal: numbered ? signed(limit, &random)[0] : nil))
            }
        }
        let byHour = chance(fine ? 0.3 : 0.2) ? some(0...23, 1...4, &random) : []
        let byMinute = chance(0.2) ? some(0...59, 1...3, &random) : []
        let bySecond = chance(frequency < .hourly ? 0.3 : 0.1) ? some(0...59, 1...3, &random) : []
        let anyBy =
            !(byMonth + byWeekNumber + byYearDay + byMonthDay + byHour + byMinute + bySecond).isEmpty
            || !byDay.isEmpty
        let bySetPosition = anyBy && chance(0.2) ? signed(6, &random) : []
        let year = Int.random(in: 1995...2040, using: &random)
        let month = nearDST ? [3, 11].randomElement(using: &random)! : Int.random(in: 1...12, using: &random)
        let date = CivilDate(year: year, month: month, day: Int.random(in: 1...28, using: &random))!
        let time = TimeOfDay(
            hour: Int.random(in: 0...23, using: &random),
            minute: [0, 30, 59].randomElement(using: &random)!,
            second: chance(0.7) ? 0 : Int.random(in: 0...59, using: &random)
        )!
        let bound = Double.random(in: 0..<1, using: &random)
        let count = bound < 0.25 ? Int.random(in: 1...40, using: &random) : nil
        var until: RecurrenceRule.Until? = nil
        if bound >= 0.25 && bound < 0.45 {
            let days = fine ? Int.random(in: 0...3, using: &random) : Int.random(in: 0...1500, using: &random)
            let end = LocalDateTime(date: date.adding(days: days), time: time)
            until =
                chance(0.5)
                ? .local(end) : chance(0.5) ? .date(end.date) : .utc(Instant(secondsSinceEpoch: end.localSeconds))
        }
        guard
            let rule = try? RecurrenceRule(
                frequency: frequency,
                interval: interval,
                count: count,
                until: until,
                bySecond: bySecond,
                byMinute: byMinute,
                byHour: byHour,
                byDay: byDay,
                byMonthDay: byMonthDay,
                byYearDay: byYearDay,
                byWeekNumber: byWeekNumber,
                byMonth: byMonth,
                bySetPosition: bySetPosition,
                weekStart: chance(0.2) ? Weekday.allCases.randomElement(using: &random)! : .monday
            )
        else { return nil }
        return Case(rule: rule, start: LocalDateTime(date: date, time: time))
    }
}
