import Testing
import TicklerCalendar
import TicklerOnCalendar
import TicklerPlatform

/// Seeded random calendar-event text, valid and not, parsed and expanded: each input gives a clean error or a
/// bounded, strictly increasing sequence of elapses — never a trap (issue 8, point 8).
@Suite("OnCalendar on random input")
struct CalendarEventRandomInputTests {
    /// The zones events are read in.
    static let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Europe/Dublin", "Australia/Lord_Howe"].map {
        try! ZoneDatabase.shared.rules(for: $0)
    }

    /// Pieces of the syntax, on their own or next to a limit.
    static let tokens = [
        "*", "0", "1", "2", "7", "9", "12", "23", "24", "29", "30", "31", "59", "60", "69", "70", "99", "1970", "2199",
        "2200", "9999", "2147483647", "2147483648", "..", "/", ",", "-", "~", ":", ".", " ", "Mon", "fri", "Sun..Sat",
        "Mon-Wed", "@", "@0", "@1099511627775", "UTC", "Asia/Ho_Chi_Minh", "daily", "weekly", "quarterly", "0.5",
        "00.000001", "x", "\u{1B}",
    ]

    /// A field of an event: `*`, a value, a range, a repetition or a list, mostly within `range`; sometimes junk.
    static func field(_ range: ClosedRange<Int>, _ random: inout SplitMix) -> String {
        func one() -> String {
            let value = Int.random(in: range, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: return tokens.randomElement(using: &random)!
            case 1: return "\(value)..\(min(range.upperBound, value + Int.random(in: 0...5, using: &random)))"
            case 2: return "\(value)/\(Int.random(in: 1...10, using: &random))"
            default: return "\(value)"
            }
        }
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return "*"
        case 1: return (0..<Int.random(in: 2...4, using: &random)).map { _ in one() }.joined(separator: ",")
        default: return one()
        }
    }

    /// A random event text: mostly shaped like `W Y-M-D H:M:S Z`, sometimes only tokens.
    static func text(_ random: inout SplitMix) -> String {
        if Int.random(in: 0..<8, using: &random) == 0 {
            return (0..<Int.random(in: 1...8, using: &random)).map { _ in tokens.randomElement(using: &random)! }
                .joined()
        }
        var text = ["", "", "Mon ", "Sat,Sun ", "Mon..Fri ", "Tue-Thu ", "Sun "].randomElement(using: &random)!
        switch Int.random(in: 0..<4, using: &random) {
        case 0: break
        case 1: text += "\(field(1...12, &random))-\(field(1...31, &random)) "
        case 2: text += "\(field(1...12, &random))~\(field(1...28, &random)) "
        default: text += "\(field(1970...2199, &random))-\(field(1...12, &random))-\(field(1...31, &random)) "
        }
        text += "\(field(0...23, &random)):\(field(0...59, &random))"
        if Bool.random(using: &random) { text += ":\(field(0...59, &random))" }
        return text + ["", "", " UTC", " Asia/Ho_Chi_Minh", " Nowhere/City"].randomElement(using: &random)!
    }

    @Test("3000 random events: a clean error or a bounded increasing sequence")
    func randomEvents() {
        var random = SplitMix(seed: 0x8_2026)
        var parsed = 0
        var elapses = 0
        for _ in 0..<3000 {
            let text = Self.text(&random)
            guard let event = try? CalendarEvent(parsing: text, zones: ZoneDatabase.shared) else { continue }
            parsed += 1
            // The normalized form reads back as the same event.
            #expect(
                (try? CalendarEvent(parsing: event.description, zones: ZoneDatabase.shared))?.description
                    == event.description,
                "\(text)"
            )
            let zone = Self.zones.randomElement(using: &random)!
            let recurrence = CalendarEventRecurrence(event: event, zone: zone)
            let after: Instant =
                switch Int.random(in: 0..<5, using: &random) {
                case 0: Instant(microsecondsSinceEpoch: .min)
                case 1: Instant(microsecondsSinceEpoch: .max)
                case 2: Limits.instants.upperBound
                default: Instant(secondsSinceEpoch: Int64.random(in: -100_000_000...7_300_000_000, using: &random))
                }
            let dues = recurrence.occurrences(after: after, limit: 30)
            elapses += dues.count
            #expect(zip(dues, dues.dropFirst()).allSatisfy { $0 < $1 }, "\(text) in \(zone)")
            #expect(dues.allSatisfy { $0 > after && zone.localDateTime(at: $0).date.year <= 2200 }, "\(text)")
        }
        #expect(parsed > 600)
        #expect(elapses > 5000)
    }
}
