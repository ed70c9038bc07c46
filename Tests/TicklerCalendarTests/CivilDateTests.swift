import Testing
import TicklerCalendar

@Suite("Civil dates")
struct CivilDateTests {
    @Test func dayCountRoundTripsOverFourCenturies() {
        var expected = CivilDate(unchecked: 1900, 1, 1)
        for days in CivilDate(unchecked: 1900, 1, 1).daysSinceEpoch...CivilDate(unchecked: 2300, 12, 31).daysSinceEpoch
        {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date == expected)
            #expect(date.daysSinceEpoch == days)
            expected =
                CivilDate(year: date.year, month: date.month, day: date.day + 1)
                ?? CivilDate(year: date.year, month: date.month + 1, day: 1)
                ?? CivilDate(unchecked: date.year + 1, 1, 1)
        }
    }

    @Test(arguments: [
        ("1970-01-01", Weekday.thursday), ("2000-02-29", .tuesday), ("2027-01-27", .wednesday), ("1900-01-01", .monday),
    ])
    func weekdays(date: String, weekday: Weekday) {
        #expect(CivilDate(iso: date)?.weekday == weekday)
    }

    @Test func monthArithmeticClampsToTheLastDay() {
        let date = CivilDate(unchecked: 2024, 1, 31)
        #expect(date.adding(months: 1).description == "2024-02-29")
        #expect(date.adding(months: 13).description == "2025-02-28")
        #expect(date.adding(months: -2).description == "2023-11-30")
        #expect(CivilDate(unchecked: 2024, 2, 29).adding(months: 12).description == "2025-02-28")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-01-01x", ""])
    func rejectsInvalidDates(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }
}
