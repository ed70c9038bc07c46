import Testing
import TicklerCalendar
import TicklerLunar
import TicklerPlatform

/// Seeded random lunar input: text for every lunar parser, conversions of any date, and the yearly rules from any
/// day — a clean error or a bounded, strictly increasing answer, never a trap (issue 8, point 8).
@Suite("Lunar dates on random input")
struct LunarRandomInputTests {
    /// Characters the lunar parsers read, and some they do not.
    static let alphabet = Array("0123456789-L.+ qingmxdoz,vnc\u{1B}١")

    /// A random short string over ``alphabet``, or a piece of a valid value.
    static func text(_ random: inout SplitMix) -> String {
        if Bool.random(using: &random) {
            return [
                "01-01", "12-30", "1-1", "13-01", "00-00", "01-31", "+1-+1", "08-15", "qingming", "dongzhi", "vn", "cn",
                "2027-05-03", "2027-05-03..2027-05-09", "0000-01-01..9999-12-31", "skip", "also", "only", "chinese",
                "vietnamese", "next-workday", "previous-workday", "none",
            ].randomElement(using: &random)!
        }
        return String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    @Test("3000 random texts: every lunar parser answers or refuses cleanly")
    func parsers() {
        var random = SplitMix(seed: 0x8_2026)
        var accepted = 0
        for _ in 0..<3000 {
            let text = Self.text(&random)
            if let monthDay = try? LunarMonthDay(parsing: text) {
                accepted += 1
                #expect((1...12).contains(monthDay.month) && (1...30).contains(monthDay.day), "\(text)")
            }
            if (try? SolarTerm(parsing: text)) != nil { accepted += 1 }
            if (try? LeapPolicy(parsing: text)) != nil { accepted += 1 }
            if (try? LunarCalendarKind(parsing: text)) != nil { accepted += 1 }
            if (try? DateAdjustment(parsing: text)) != nil { accepted += 1 }
            if let days = try? WorkingDays.parse(holidays: [text], workdays: [text]) {
                accepted += 1
                #expect(days.workdays.count <= 366)
            }
        }
        #expect(accepted > 500)
    }

    /// A random day anywhere in the years 1–9999, often near the calendars' supported range.
    static func date(_ random: inout SplitMix) -> CivilDate {
        let year = [1, 1799, 1800, 2026, 2300, 2301, 9999, Int.random(in: 1...9999, using: &random)]
            .randomElement(using: &random)!
        let month = Int.random(in: 1...12, using: &random)
        return CivilDate(year: year, month: month, day: Int.random(in: 1...28, using: &random))!
    }

    @Test("3000 random days and lunar dates convert both ways or give nil")
    func conversions() {
        var random = SplitMix(seed: 0x8_2027)
        var converted = 0
        for _ in 0..<3000 {
            let calendar = LunisolarCalendar(kind: Bool.random(using: &random) ? .vietnamese : .chinese)
            let date = Self.date(&random)
            if let lunar = calendar.lunarDate(for: date) {
                converted += 1
                #expect(calendar.civilDate(for: lunar) == date, "\(date) → \(lunar)")
                #expect(!lunar.sexagenaryYear.description.isEmpty)
            } else {
                #expect(!calendar.supportedDates.contains(date))
            }
            let lunar = LunarDate(
                year: [Int.min, -1, 0, 1800, 2026, 2300, 2301, Int.max, Int.random(in: 1700...2400, using: &random)]
                    .randomElement(using: &random)!,
                month: Int.random(in: -1...14, using: &random),
                day: Int.random(in: -1...31, using: &random),
                isLeapMonth: Bool.random(using: &random)
            )
            if let civil = calendar.civilDate(for: lunar) {
                #expect(calendar.lunarDate(for: civil) == lunar, "\(lunar) → \(civil)")
            }
            _ = calendar.monthLength(year: lunar.year, month: lunar.month, isLeapMonth: lunar.isLeapMonth)
            _ = calendar.leapMonth(in: lunar.year)
            _ = calendar.months(in: lunar.year)
        }
        #expect(converted > 500)
    }

    @Test("600 random yearly rules from random days: bounded, increasing, within the supported years")
    func rules() {
        var random = SplitMix(seed: 0x8_2028)
        let hanoi = try! ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh")
        for _ in 0..<600 {
            let kind: LunarCalendarKind = Bool.random(using: &random) ? .vietnamese : .chinese
            let from = Self.date(&random)
            let dates: [CivilDate]
            if Bool.random(using: &random) {
                let monthDay = LunarMonthDay(
                    month: Int.random(in: 1...12, using: &random),
                    day: Int.random(in: 1...30, using: &random)
                )!
                let leap = [LeapPolicy.skip, .also, .only].randomElement(using: &random)!
                var iterator = LunarYearlyRule(monthDay: monthDay, calendar: kind, leap: leap).dates(from: from)
                dates = (0..<8).compactMap { _ in iterator.next() }
            } else {
                var iterator = SolarTermRule(term: SolarTerm.allCases.randomElement(using: &random)!, calendar: kind)
                    .dates(from: from)
                dates = (0..<8).compactMap { _ in iterator.next() }
            }
            #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 })
            #expect(dates.allSatisfy { $0 >= from && (1800...2301).contains($0.year) })
            // The same rule as a recurrence in a zone, from an instant anywhere, ends cleanly too.
            let rule = SolarTermRule(term: .qingming, calendar: kind)
            let recurrence = DailyRecurrence(rule: rule, time: .midnight, zone: hanoi)
            let after = Instant(microsecondsSinceEpoch: Int64.random(in: .min ... .max, using: &random))
            let dues = recurrence.occurrences(after: after, limit: 3)
            #expect(zip(dues, dues.dropFirst()).allSatisfy { $0 < $1 } && dues.allSatisfy { $0 > after })
        }
    }
}
