import Testing
import TicklerCalendar

/// `YYYY-MM-DD` read in place, against a plain reading of the same text: split at the dashes, four, two and two
/// ASCII digits, then the date's own checks.
@Suite("Dates from ISO 8601 text")
struct CivilDateISOTests {
    @Test func knownForms() {
        #expect(CivilDate(iso: "2014-12-15") == CivilDate(year: 2014, month: 12, day: 15))
        #expect(CivilDate(iso: "2028-02-29") == CivilDate(year: 2028, month: 2, day: 29))
        #expect(CivilDate(iso: "2027-02-29") == nil)
        #expect(CivilDate(iso: "2014-12-15T08:00") == nil)
        #expect(CivilDate(iso: "2014-1-15") == nil)
        #expect(CivilDate(iso: "2014/12/15") == nil)
        #expect(CivilDate(iso: "２014-12-15") == nil)
        #expect(CivilDate(iso: "2014-12-1٥") == nil)
        #expect(CivilDate(iso: "") == nil)
        #expect(CivilDate(iso: "x2014-12-15".dropFirst()) == CivilDate(year: 2014, month: 12, day: 15))
    }

    @Test func randomTextMatchesAPlainReading() {
        var random = SplitMix(seed: 0x150_DA7E)
        let alphabet = Array("0123456789-0123456789--T :é")
        for _ in 0..<50_000 {
            let text: String
            if Bool.random(using: &random) {
                let year = Int.random(in: 0...9999, using: &random)
                let month = Int.random(in: 0...13, using: &random)
                let day = Int.random(in: 0...32, using: &random)
                text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
            } else {
                let length = Int.random(in: 8...12, using: &random)
                text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            }
            #expect(CivilDate(iso: text) == Self.plain(text), "\(text)")
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }

    /// The reading as three dash-separated fields of ASCII digits.
    private static func plain(_ text: String) -> CivilDate? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, zip(fields.map(\.utf8.count), [4, 2, 2]).allSatisfy({ $0 == $1 }),
            fields.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else { return nil }
        return CivilDate(year: Int(fields[0])!, month: Int(fields[1])!, day: Int(fields[2])!)
    }
}
