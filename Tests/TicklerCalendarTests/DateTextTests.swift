import Testing
import TicklerCalendar

/// The text of dates, times and offsets (written byte by byte by one writer), against a plain formatter of its own
/// and the forms users and the journal see.
@Suite("Date and time text")
struct DateTextTests {
    @Test func knownForms() {
        let local = LocalDateTime(date: CivilDate(unchecked: 2014, 12, 15), time: TimeOfDay(unchecked: 8, 0, 0))
        #expect(local.date.description == "2014-12-15")
        #expect(local.time.description == "08:00:00")
        #expect(local.time.shortDescription == "08:00")
        #expect(local.description == "2014-12-15T08:00:00")
        #expect(local.shortDescription == "2014-12-15 08:00")
        let zoned = ZonedDateTime(local: local, offsetSeconds: 7 * 3600)
        #expect(zoned.description == "2014-12-15T08:00:00+07:00")
        #expect(zoned.humanDescription == "2014-12-15 08:00 +07")
        let india = ZonedDateTime(local: local, offsetSeconds: 5 * 3600 + 30 * 60)
        #expect(india.humanDescription == "2014-12-15 08:00 +05:30")
        let west = ZonedDateTime(local: local, offsetSeconds: -(3 * 3600 + 30 * 60))
        #expect(west.description == "2014-12-15T08:00:00-03:30")
        #expect(west.humanDescription == "2014-12-15 08:00 -03:30")
        // Amsterdam's mean time before 1937, +00:19:32: seconds in the full form only.
        let amsterdam = ZonedDateTime(local: local, offsetSeconds: 19 * 60 + 32)
        #expect(amsterdam.description == "2014-12-15T08:00:00+00:19:32")
        #expect(amsterdam.humanDescription == "2014-12-15 08:00 +00:19")
        let precise = TimeOfDay(unchecked: 23, 59, 59, 42)
        #expect(precise.description == "23:59:59.000042")
        #expect(precise.shortDescription == "23:59:59")
        #expect(CivilDate(unchecked: 1, 1, 1).description == "0001-01-01")
    }

    @Test func extremeFieldsDoNotTrap() {
        #expect(CivilDate(unchecked: -44, 3, 15).description == "-0044-03-15")
        #expect(CivilDate(unchecked: 123_456, 1, 2).description == "123456-01-02")
        // Years are held in four bytes (``CompactDateTests``): beyond them, clamped.
        #expect(CivilDate(unchecked: Int.min, 1, 1).description == "-2147483648-01-01")
        #expect(CivilDate(unchecked: Int.max, 12, 31).description == "2147483647-12-31")
        let local = LocalDateTime(date: CivilDate(unchecked: Int.min, 1, 1), time: TimeOfDay(unchecked: 0, 0, 0, 1))
        let zoned = ZonedDateTime(local: local, offsetSeconds: Int.min)
        #expect(zoned.description == "-2147483648-01-01T00:00:00.000001-2562047788015215:30:08")
        #expect(zoned.humanDescription == "-2147483648-01-01 00:00 -2562047788015215:30")
        #expect(zoned.humanDescriptionLength == zoned.humanDescription.utf8.count)
    }

    @Test func randomFieldsMatchAPlainFormatter() {
        var random = SplitMix(seed: 0x7E57_DA7E)
        for _ in 0..<20_000 {
            let year =
                Bool.random(using: &random)
                ? Int.random(in: 1...9999, using: &random) : Int.random(in: -99_999...99_999, using: &random)
            let date = CivilDate(
                unchecked: year,
                Int.random(in: 1...12, using: &random),
                Int.random(in: 1...31, using: &random)
            )
            let time = TimeOfDay(
                unchecked: Int.random(in: 0..<24, using: &random),
                Int.random(in: 0..<60, using: &random),
                Bool.random(using: &random) ? 0 : Int.random(in: 0..<60, using: &random),
                Bool.random(using: &random) ? 0 : Int.random(in: 0..<1_000_000, using: &random)
            )
            let unit = [1, 60, 900].randomElement(using: &random)!
            let offset = Int.random(in: -26 * 3600...26 * 3600, using: &random) / unit * unit
            let local = LocalDateTime(date: date, time: time)
            let zoned = ZonedDateTime(local: local, offsetSeconds: offset)
            let dateText = Self.number(date.year, 4) + "-" + Self.number(date.month, 2) + "-" + Self.number(date.day, 2)
            var timeText = Self.number(time.hour, 2) + ":" + Self.number(time.minute, 2)
            let shortTime = time.second == 0 ? timeText : timeText + ":" + Self.number(time.second, 2)
            timeText += ":" + Self.number(time.second, 2)
            if time.microsecond != 0 { timeText += "." + Self.number(time.microsecond, 6) }
            let sign = offset < 0 ? "-" : "+"
            let magnitude = abs(offset)
            var offsetText = sign + Self.number(magnitude / 3600, 2) + ":" + Self.number(magnitude / 60 % 60, 2)
            if magnitude % 60 != 0 { offsetText += ":" + Self.number(magnitude % 60, 2) }
            let shortOffset =
                sign + Self.number(magnitude / 3600, 2)
                + (magnitude / 60 % 60 == 0 ? "" : ":" + Self.number(magnitude / 60 % 60, 2))
            #expect(date.description == dateText)
            #expect(time.description == timeText)
            #expect(time.shortDescription == shortTime)
            #expect(local.description == dateText + "T" + timeText)
            #expect(local.shortDescription == dateText + " " + shortTime)
            #expect(zoned.description == dateText + "T" + timeText + offsetText)
            #expect(zoned.humanDescription == dateText + " " + shortTime + " " + shortOffset)
            // What `ticklerctl list` measures its table with, without making the text.
            #expect(zoned.humanDescriptionLength == zoned.humanDescription.utf8.count)
        }
    }

    /// `value` in decimal with at least `width` digits, after a `-` when negative.
    private static func number(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
