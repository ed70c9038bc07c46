import Testing
import TicklerCalendar
import TicklerLunar

/// The dates on which the Vietnamese (UTC+7) and Chinese (UTC+8) calendars are known to disagree.
@Suite("Vietnamese and Chinese calendars where they differ")
struct NamedDivergenceTests {
    /// A Gregorian date from its parts.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    @Test(
        "Tết and the Spring Festival fall on different days",
        arguments: [
            (1985, date(1985, 1, 21), date(1985, 2, 20)),
            (2007, date(2007, 2, 17), date(2007, 2, 18)),
            (2030, date(2030, 2, 2), date(2030, 2, 3)),
            (2053, date(2053, 2, 18), date(2053, 2, 19)),
        ]
    )
    func newYear(year: Int, vietnamese: CivilDate, chinese: CivilDate) {
        #expect(LunisolarCalendar.vietnamese.newYear(of: year) == vietnamese)
        #expect(LunisolarCalendar.chinese.newYear(of: year) == chinese)
        #expect(LunisolarCalendar.chinese.lunarDate(for: vietnamese)?.year == year - 1)
    }

    @Test(
        "Leap months of 1984, 1985 and 1987 differ",
        arguments: [(1984, nil, 10), (1985, 2, nil), (1987, 7, 6)] as [(Int, Int?, Int?)]
    )
    func leapMonths(year: Int, vietnamese: Int?, chinese: Int?) {
        #expect(LunisolarCalendar.vietnamese.leapMonth(in: year) == vietnamese)
        #expect(LunisolarCalendar.chinese.leapMonth(in: year) == chinese)
    }

    @Test("Tết 1985 in Vietnam is still the Chinese lunar year 1984, leap month 10")
    func tet1985() {
        let tet = LunisolarCalendar.chinese.lunarDate(for: Self.date(1985, 1, 21))
        #expect(tet == LunarDate(year: 1984, month: 12, day: 1))
        #expect(
            LunisolarCalendar.chinese.lunarDate(for: Self.date(1984, 11, 23))
                == LunarDate(year: 1984, month: 10, day: 1, isLeapMonth: true)
        )
    }

    @Test("Mid-Autumn 2034: 26 September in Vietnam, 27 September in China")
    func midAutumn2034() {
        let festival = LunarDate(year: 2034, month: 8, day: 15)
        #expect(LunisolarCalendar.vietnamese.civilDate(for: festival) == Self.date(2034, 9, 26))
        #expect(LunisolarCalendar.chinese.civilDate(for: festival) == Self.date(2034, 9, 27))
    }

    @Test("The 2033 problem: both calendars have a leap month 11 in 2033")
    func leapEleven2033() {
        for calendar in [LunisolarCalendar.vietnamese, .chinese] {
            #expect(calendar.leapMonth(in: 2033) == 11)
            #expect(
                calendar.civilDate(for: LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true))
                    == Self.date(2033, 12, 22)
            )
        }
    }
}
