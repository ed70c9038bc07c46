import Testing
import TicklerCalendar

@Suite("Periods")
struct PeriodTests {
    @Test(arguments: [("90s", 90), ("5min", 300), ("2h", 7200), ("7d", 604_800), ("1w", 604_800), ("0", 0)])
    func fixedLengths(text: String, seconds: Int64) throws {
        #expect(try Period.parse(text).seconds == seconds)
    }

    @Test func calendarUnitsOnlyWhereAllowed() throws {
        #expect(try Period.parse("5y", allowingCalendarUnits: true) == Period(5, .year))
        #expect(try Period.parse("3m", allowingCalendarUnits: true) == Period(3, .month))
        let error = #expect(throws: PeriodError.self) { try Period.parse("3m") }
        #expect(error?.description.contains("min") == true)
    }

    @Test(arguments: ["", "d", "7", "7 fortnights", "-1d", "1.5h"])
    func rejectsMalformed(text: String) {
        #expect(throws: PeriodError.self) { try Period.parse(text, allowingCalendarUnits: true) }
    }

    /// A one-letter unit is read from its byte, a longer name from the table of names: both paths agree on every
    /// letter and every unit spelled out, with and without calendar units.
    @Test func oneLetterUnitsReadAsTheirNames() throws {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        let names = ["sec", "second", "min", "minute", "hr", "hour", "day", "week", "month", "year", "years"]
        for unit in letters + names {
            for calendar in [false, true] {
                // A leading space takes the general reader, which looks every unit up by name.
                let plain = try? Period.parse("3" + unit, allowingCalendarUnits: calendar)
                let general = try? Period.parse(" 3" + unit, allowingCalendarUnits: calendar)
                #expect(plain == general, "\(unit), calendar units \(calendar)")
            }
        }
        #expect(try Period.parse("3h") == Period(3, .hour))
        #expect(try Period.parse("3w") == Period(3, .week))
        #expect(try Period.parse("3s") == Period(3, .second))
        #expect(throws: PeriodError.self) { try Period.parse("3x", allowingCalendarUnits: true) }
    }
}
