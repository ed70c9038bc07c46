import Testing
import TicklerCalendar
import TicklerLunar

/// Gregorian → lunar → Gregorian for every day, and the shape of the lunar calendar.
@Suite("Round trips")
struct RoundTripTests {
    @Test(
        "Every day of 1900–2199 converts to a lunar date and back",
        arguments: [LunarCalendarKind.vietnamese, .chinese]
    )
    func everyDay(kind: LunarCalendarKind) throws {
        let calendar = LunisolarCalendar(kind: kind)
        let first = CivilDate(year: 1900, month: 1, day: 31)!.daysSinceEpoch
        let last = CivilDate(year: 2199, month: 12, day: 31)!.daysSinceEpoch
        var previous = try #require(calendar.lunarDate(for: CivilDate(daysSinceEpoch: first - 1)))
        var failures = 0
        for day in first...last {
            let date = CivilDate(daysSinceEpoch: day)
            guard let lunar = calendar.lunarDate(for: date), calendar.civilDate(for: lunar) == date else {
                failures += 1
                continue
            }
            // Days count up within a month; a month of 29 or 30 days is followed by day 1.
            let continues =
                lunar.day == previous.day + 1 && lunar.month == previous.month
                && lunar.isLeapMonth == previous.isLeapMonth
            let newMonth = lunar.day == 1 && (29...30).contains(previous.day)
            if !(continues || newMonth) { failures += 1 }
            previous = lunar
        }
        #expect(failures == 0)
    }

    @Test("Every lunar year has 12 or 13 months of 29 or 30 days, 353–385 days in all")
    func yearShapes() {
        for calendar in [LunisolarCalendar.vietnamese, .chinese] {
            for year in 1900...2199 {
                let months = calendar.months(in: year)
                let days = months.reduce(0) { $0 + $1.length }
                #expect(months.count == (calendar.leapMonth(in: year) == nil ? 12 : 13))
                #expect(months.allSatisfy { (29...30).contains($0.length) })
                #expect((353...385).contains(days), "\(calendar.kind) \(year): \(days) days")
            }
        }
    }

    @Test("Dates that do not exist convert to nil")
    func invalidLunarDates() {
        let calendar = LunisolarCalendar.vietnamese
        #expect(calendar.civilDate(for: LunarDate(year: 2027, month: 1, day: 31)) == nil)
        #expect(calendar.civilDate(for: LunarDate(year: 2027, month: 13, day: 1)) == nil)
        #expect(calendar.civilDate(for: LunarDate(year: 2027, month: 6, day: 1, isLeapMonth: true)) == nil)
        #expect(calendar.civilDate(for: LunarDate(year: 2400, month: 1, day: 1)) == nil)
        #expect(calendar.lunarDate(for: CivilDate(year: 1700, month: 1, day: 1)!) == nil)
        // Month 12 of lunar 2026 has 29 days: 2027-01-08 … 2027-02-05.
        #expect(calendar.monthLength(year: 2026, month: 12) == 29)
        #expect(calendar.civilDate(for: LunarDate(year: 2026, month: 12, day: 30)) == nil)
    }

    @Test("Tết Đinh Mùi: 2027-02-06 is 01-01 of the year Đinh Mùi / 丁未")
    func tet2027() throws {
        let lunar = try #require(LunisolarCalendar.vietnamese.lunarDate(for: CivilDate(year: 2027, month: 2, day: 6)!))
        #expect(lunar == LunarDate(year: 2027, month: 1, day: 1))
        #expect(lunar.monthDay == "01-01")
        #expect(lunar.sexagenaryYear.vietnameseName == "Đinh Mùi")
        #expect(lunar.sexagenaryYear.chineseName == "丁未")
        #expect(LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true).description == "2025-06L-01")
    }

    @Test(
        "Sexagenary names",
        arguments: [
            (1984, "Giáp Tý", "甲子"), (1968, "Mậu Thân", "戊申"), (2024, "Giáp Thìn", "甲辰"), (2043, "Quý Hợi", "癸亥"),
        ]
    )
    func sexagenary(year: Int, vietnamese: String, chinese: String) {
        let name = SexagenaryYear(lunarYear: year)
        #expect(name.name(for: .vietnamese) == vietnamese)
        #expect(name.name(for: .chinese) == chinese)
    }
}
