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
}
