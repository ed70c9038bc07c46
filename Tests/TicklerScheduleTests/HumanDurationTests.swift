import Testing
import TicklerSchedule
import TicklerTestKit

/// Durations in words, written byte by byte, against the plain form: at most two units, largest first, the smaller
/// one only when it follows the larger directly.
@Suite("Durations in words")
struct HumanDurationTests {
    @Test func knownForms() {
        #expect(HumanDuration.text(microseconds: 0) == "0 seconds")
        #expect(HumanDuration.text(microseconds: -5_000_000) == "0 seconds")
        #expect(HumanDuration.text(microseconds: 999_999) == "0 seconds")
        #expect(HumanDuration.text(microseconds: 1_000_000) == "1 second")
        #expect(HumanDuration.text(microseconds: 90 * 60_000_000) == "1 hour 30 minutes")
        #expect(HumanDuration.text(microseconds: 7 * 86_400_000_000) == "7 days")
        #expect(HumanDuration.text(microseconds: 86_400_000_000 + 60_000_000) == "1 day")
        #expect(HumanDuration.text(microseconds: 36 * 3_600_000_000) == "1 day 12 hours")
        #expect(HumanDuration.text(microseconds: .max) == "106751991 days 4 hours")
        #expect(HumanDuration.length(microseconds: .max) == 22)
        #expect(HumanDuration.length(microseconds: 0) == 9)
    }

    @Test func randomLengthsMatchThePlainForm() {
        var random = SeededRandom(seed: 0xD0_2A7E)
        for _ in 0..<20_000 {
            let magnitude = Int64.random(in: 0...18, using: &random)
            var limit: Int64 = 1
            for _ in 0..<magnitude { limit = limit.multipliedReportingOverflow(by: 10).partialValue }
            let microseconds = Int64.random(in: -1...max(limit, 1), using: &random)
            #expect(HumanDuration.text(microseconds: microseconds) == Self.plain(microseconds))
            #expect(HumanDuration.length(microseconds: microseconds) == Self.plain(microseconds).utf8.count)
        }
    }

    /// The form as interpolated words.
    private static func plain(_ microseconds: Int64) -> String {
        var remaining = max(0, microseconds) / 1_000_000
        var parts: [String] = []
        for (name, seconds) in [("day", Int64(86_400)), ("hour", 3600), ("minute", 60), ("second", 1)]
        where parts.count < 2 {
            let count = remaining / seconds
            if count > 0 {
                parts.append("\(count) \(name)\(count == 1 ? "" : "s")")
                remaining -= count * seconds
            } else if !parts.isEmpty {
                break
            }
        }
        return parts.isEmpty ? "0 seconds" : parts.joined(separator: " ")
    }
}
