import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerRRule

/// Seeded random RRULE text, valid and not, parsed and expanded: each input gives a clean error or a bounded,
/// strictly increasing sequence within the years 1–9999 — never a trap (issue 8, point 8).
@Suite("RRULE on random input")
struct RRuleRandomInputTests {
    /// The zones rules are read in: one without offsets, one without daylight saving, two with (one negative).
    static let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Europe/Dublin"].map {
        try! ZoneDatabase.shared.rules(for: $0)
    }

    /// Numbers that sit on or next to a limit, and some ordinary ones.
    static let numbers = [
        "0", "1", "2", "3", "7", "12", "13", "31", "-1", "-31", "53", "-53", "54", "59", "60", "61", "366", "-366",
        "367", "999999999", "1000000000", "-999999999", "99999999999999999999999", "+5", "-0", "x", "", "1.5",
    ]

    /// A value for a BY-part: mostly within `range` (signed when `signed`), sometimes a number near a limit.
    static func item(_ range: ClosedRange<Int>, signed: Bool, _ random: inout SeededRandom) -> String {
        guard Int.random(in: 0..<12, using: &random) > 0 else { return numbers.randomElement(using: &random)! }
        let value = Int.random(in: range, using: &random)
        return signed && Bool.random(using: &random) ? "-\(value)" : "\(value)"
    }

    /// One random rule part, `NAME=VALUE`, or junk.
    static func part(_ random: inout SeededRandom) -> String {
        let names = [
            "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
            "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "FREQ",
        ]
        let name = names.randomElement(using: &random)!
        func list(_ item: (inout SeededRandom) -> String) -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in item(&random) }.joined(separator: ",")
        }
        let value: String
        switch name {
        case "FREQ":
            value = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "daily", "NEVER"]
                .randomElement(using: &random)!
        case "UNTIL":
            value = [
                "00010101", "00000101", "99991231", "99991231T235959", "99991231T235959Z", "20300101T000000Z",
                "19700101", "2030", "20301332", "20300101T246000", "21000101",
            ].randomElement(using: &random)!
        case "WKST": value = ["MO", "SU", "TH", "XX"].randomElement(using: &random)!
        case "BYDAY":
            value = list { random in
                let ordinal = Int.random(in: 0..<3, using: &random) > 0 ? "" : item(1...5, signed: true, &random)
                return ordinal + ["MO", "TU", "WE", "TH", "FR", "SA", "SU", "XY"].randomElement(using: &random)!
            }
        case "INTERVAL":
            value =
                Bool.random(using: &random)
                ? numbers.randomElement(using: &random)! : item(1...40, signed: false, &random)
        case "COUNT":
            value =
                Bool.random(using: &random)
                ? numbers.randomElement(using: &random)! : item(1...500, signed: false, &random)
        case "BYSECOND": value = list { item(0...60, signed: false, &$0) }
        case "BYMINUTE": value = list { item(0...59, signed: false, &$0) }
        case "BYHOUR": value = list { item(0...23, signed: false, &$0) }
        case "BYMONTH": value = list { item(1...12, signed: false, &$0) }
        case "BYMONTHDAY": value = list { item(1...31, signed: true, &$0) }
        case "BYWEEKNO": value = list { item(1...53, signed: true, &$0) }
        default: value = list { item(1...366, signed: true, &$0) }
        }
        return Int.random(in: 0..<40, using: &random) == 0 ? name : "\(name)=\(value)"
    }

    /// A random start: often at the edges of the years 1–9999.
    static func start(_ random: inout SeededRandom) -> LocalDateTime {
        let year = [1, 2, 1969, 1970, 2026, 9998, 9999, Int.random(in: 1...9999, using: &random)]
            .randomElement(using: &random)!
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...CivilDate.daysInMonth(year: year, month: month), using: &random)
        let time = TimeOfDay(
            hour: Int.random(in: 0...23, using: &random),
            minute: Int.random(in: 0...59, using: &random),
            second: Int.random(in: 0...59, using: &random)
        )!
        return LocalDateTime(date: CivilDate(year: year, month: month, day: day)!, time: time)
    }

    /// A random instant to list from: the start, somewhere in the years 1–9999, or an extreme.
    static func after(_ start: Instant, _ random: inout SeededRandom) -> Instant {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: start.adding(microseconds: -1)
        case 1: Instant(microsecondsSinceEpoch: .min)
        case 2: Instant(microsecondsSinceEpoch: .max)
        case 3:
            Instant(
                microsecondsSinceEpoch: Int64.random(
                    in: Limits.instants.lowerBound
                        .microsecondsSinceEpoch...Limits.instants.upperBound.microsecondsSinceEpoch,
                    using: &random
                )
            )
        case 4: Limits.instants.upperBound.adding(seconds: -Int64.random(in: 0...400_000_000, using: &random))
        default: start.adding(seconds: Int64.random(in: -10_000_000...10_000_000, using: &random))
        }
    }

    @Test("2000 random rules: a clean error or a bounded increasing sequence within the years 1–9999")
    func randomRules() {
        var random = SeededRandom(seed: 0x8_2026)
        var parsed = 0
        var occurrences = 0
        for _ in 0..<2000 {
            var parts = (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.part(&random) }
            if Int.random(in: 0..<3, using: &random) > 0 {
                parts.insert(
                    "FREQ=" + ["DAILY", "YEARLY", "SECONDLY", "MONTHLY", "HOURLY", "WEEKLY", "MINUTELY"].randomElement(
                        using: &random
                    )!,
                    at: 0
                )
            }
            let text = parts.joined(separator: ";")
            guard let rule = try? RecurrenceRule(parsing: text) else { continue }
            parsed += 1
            // The canonical text reads back as the same rule.
            #expect((try? RecurrenceRule(parsing: rule.description)) == rule, "\(text)")
            let zone = Self.zones.randomElement(using: &random)!
            let start = Self.start(&random)
            let recurrence = RRuleRecurrence(rule: rule, start: start, zone: zone)
            // Any COUNT is asked anywhere: whole cycles are counted rather than listed (RRuleCycle).
            let after = Self.after(zone.instant(for: start), &random)
            let dues = recurrence.occurrences(after: after, limit: 25)
            occurrences += dues.count
            #expect(zip(dues, dues.dropFirst()).allSatisfy { $0 < $1 }, "\(text) from \(start) in \(zone)")
            #expect(dues.allSatisfy { $0 > after }, "\(text) from \(start) in \(zone)")
            #expect(dues.allSatisfy { Limits.years.contains(zone.localDateTime(at: $0).date.year) }, "\(text)")
            if let count = rule.count { #expect(dues.count <= count) }
        }
        // The generator must reach the engines, not only the error paths.
        #expect(parsed > 400)
        #expect(occurrences > 5000)
    }
}
