import Testing
import TicklerCalendar
import TicklerPlatform

/// Seeded random durations, parsed and used as `every` periods: each input gives a clean error or a bounded,
/// strictly increasing sequence of occurrences within the years 1–9999 — never a trap (issue 8, point 8).
@Suite("Durations and every on random input")
struct PeriodRandomInputTests {
    /// The zones periods are stepped in.
    static let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Europe/Dublin", "Australia/Lord_Howe"].map {
        try! ZoneDatabase.shared.rules(for: $0)
    }

    /// A random duration text: a number near a limit and a unit, or junk.
    static func text(_ random: inout SplitMix) -> String {
        let numbers = [
            "0", "1", "2", "7", "59", "997", "998", "11782", "11783", "365250", "365251", "999999999", "1000000000",
            "0000000000001", "99999999999999999999", "", "-1", "1.5",
            String(Int.random(in: 1...999_999_999, using: &random)),
        ]
        let units = [
            "s", "sec", "min", "h", "d", "w", "m", "y", "days", "weeks", "months", "years", " d", "q", "", "min ", "ms",
        ]
        let text = numbers.randomElement(using: &random)! + units.randomElement(using: &random)!
        return Int.random(in: 0..<10, using: &random) == 0 ? " \t" + text : text
    }

    @Test("6000 random durations: a clean error or a period within the limits")
    func durations() {
        var random = SplitMix(seed: 0x8_2026)
        var accepted = 0
        for _ in 0..<6000 {
            let text = Self.text(&random)
            let calendar = Bool.random(using: &random)
            guard let period = try? Period.parse(text, allowingCalendarUnits: calendar) else { continue }
            accepted += 1
            #expect(period.isWithinLimits, "\(text)")
            #expect(calendar || period.seconds != nil, "\(text)")
            // The canonical text reads back as the same period (every empty period is written `0`).
            let again = try? Period.parse(period.description, allowingCalendarUnits: true)
            #expect(period.isZero ? again == .zero : again == period, "\(text)")
        }
        #expect(accepted > 2000)
    }

    @Test("3000 random `every` rules from random starts: bounded, increasing, within the years 1–9999")
    func everyRules() throws {
        var random = SplitMix(seed: 0x8_2027)
        var occurrences = 0
        for _ in 0..<3000 {
            guard let period = try? Period.parse(Self.text(&random), allowingCalendarUnits: true), !period.isZero else {
                continue
            }
            let year = [1, 2, 2026, 9998, 9999, Int.random(in: 1...9999, using: &random)].randomElement(using: &random)!
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...CivilDate.daysInMonth(year: year, month: month), using: &random)
            let start = LocalDateTime(
                date: CivilDate(year: year, month: month, day: day)!,
                time: TimeOfDay(
                    hour: Int.random(in: 0...23, using: &random),
                    minute: Int.random(in: 0...59, using: &random),
                    second: 0,
                    microsecond: Int.random(in: 0...999_999, using: &random)
                )!
            )
            let zone = Self.zones.randomElement(using: &random)!
            let until: LocalDateTime? =
                Bool.random(using: &random)
                ? nil : start.adding(seconds: Int64.random(in: -1000...10_000_000_000, using: &random))
            let recurrence = EveryRecurrence(start: start, period: period, until: until, zone: zone)
            let after: Instant =
                switch Int.random(in: 0..<5, using: &random) {
                case 0: Instant(microsecondsSinceEpoch: .min)
                case 1: Instant(microsecondsSinceEpoch: .max)
                case 2: zone.instant(for: start).adding(microseconds: -1)
                case 3:
                    Limits.instants.upperBound.adding(seconds: -Int64.random(in: 0...100_000_000_000, using: &random))
                default:
                    Instant(
                        microsecondsSinceEpoch: Int64.random(
                            in: Limits.instants.lowerBound
                                .microsecondsSinceEpoch...Limits.instants.upperBound.microsecondsSinceEpoch,
                            using: &random
                        )
                    )
                }
            let dues = recurrence.occurrences(after: after, limit: 30)
            occurrences += dues.count
            let context = "every \(period) from \(start) in \(zone) after \(after.microsecondsSinceEpoch)"
            #expect(zip(dues, dues.dropFirst()).allSatisfy { $0 < $1 }, "\(context)")
            #expect(dues.allSatisfy { $0 > after }, "\(context)")
            #expect(dues.allSatisfy { zone.localDateTime(at: $0) <= Limits.lastLocal }, "\(context)")
            if let until {
                #expect(
                    dues.allSatisfy {
                        zone.localDateTime(at: $0) <= until || period.unit.seconds.map { $0 < 86_400 } == true
                    },
                    "\(context)"
                )
            }
        }
        #expect(occurrences > 10_000)
    }
}
