import Testing
import TicklerCalendar
import TicklerLunar

/// `lunar = "MM-DD"` and `solar-term = "…"` as date rules.
@Suite("Lunar and solar-term date rules")
struct DateRuleTests {
    /// A Gregorian date from its parts.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    /// The first `count` dates of a rule from `start`.
    static func first(_ count: Int, of rule: some DateRule, from start: CivilDate) -> [CivilDate] {
        var iterator = rule.dates(from: start)
        var dates: [CivilDate] = []
        while dates.count < count, let next = iterator.next() { dates.append(next) }
        return dates
    }

    @Test("Tết on both calendars, 2029–2031")
    func tet() throws {
        let newYear = try LunarMonthDay(parsing: "01-01")
        let vietnamese = LunarYearlyRule(monthDay: newYear, calendar: .vietnamese)
        let chinese = LunarYearlyRule(monthDay: newYear, calendar: .chinese)
        #expect(
            Self.first(3, of: vietnamese, from: Self.date(2029, 1, 1)) == [
                Self.date(2029, 2, 13), Self.date(2030, 2, 2), Self.date(2031, 1, 23),
            ]
        )
        #expect(
            Self.first(3, of: chinese, from: Self.date(2029, 1, 1)) == [
                Self.date(2029, 2, 13), Self.date(2030, 2, 3), Self.date(2031, 1, 23),
            ]
        )
        // On or after: the start date itself counts.
        #expect(Self.first(1, of: vietnamese, from: Self.date(2030, 2, 2)) == [Self.date(2030, 2, 2)])
        #expect(Self.first(1, of: vietnamese, from: Self.date(2030, 2, 3)) == [Self.date(2031, 1, 23)])
    }

    @Test("Leap policy: 2025 repeats month 6")
    func leapPolicies() throws {
        let day = try LunarMonthDay(parsing: "06-15")
        let start = Self.date(2025, 1, 1)
        let regular = Self.date(2025, 7, 9)
        let leap = Self.date(2025, 8, 8)
        #expect(Self.first(1, of: LunarYearlyRule(monthDay: day, leap: .skip), from: start) == [regular])
        #expect(Self.first(2, of: LunarYearlyRule(monthDay: day, leap: .also), from: start) == [regular, leap])
        let only = Self.first(2, of: LunarYearlyRule(monthDay: day, leap: .only), from: start)
        #expect(only.first == leap)
        #expect(only.count == 2 && only[1].year > 2030)
        #expect(try LeapPolicy(parsing: "also") == .also)
        #expect(throws: LunarParseError.self) { try LeapPolicy(parsing: "sometimes") }
    }

    @Test("Day 30 in a 29-day month falls back to day 29")
    func dayThirty() throws {
        let rule = LunarYearlyRule(monthDay: try LunarMonthDay(parsing: "12-30"))
        // Month 12 has 29 days in lunar 2031 (ends 2032-02-10) and 30 in lunar 2032 (ends 2033-01-30).
        #expect(
            Self.first(2, of: rule, from: Self.date(2032, 1, 1)) == [Self.date(2032, 2, 10), Self.date(2033, 1, 30)]
        )
        #expect(LunisolarCalendar.vietnamese.monthLength(year: 2031, month: 12) == 29)
        #expect(LunisolarCalendar.vietnamese.monthLength(year: 2032, month: 12) == 30)
    }

    @Test("Lunar month-day parsing", arguments: ["1-1", "13-01", "02-31", "0101", "aa-bb", "01-00", ""])
    func monthDayParsing(text: String) throws {
        if text == "1-1" {
            #expect(try LunarMonthDay(parsing: text) == LunarMonthDay(month: 1, day: 1))
        } else {
            #expect(throws: LunarParseError.self) { try LunarMonthDay(parsing: text) }
        }
    }

    @Test("Qingming: 4 or 5 April, on each calendar's offset")
    func qingming() {
        let rule = SolarTermRule(term: .qingming, calendar: .chinese)
        #expect(
            Self.first(3, of: rule, from: Self.date(2026, 1, 1)) == [
                Self.date(2026, 4, 5), Self.date(2027, 4, 5), Self.date(2028, 4, 4),
            ]
        )
        #expect(Self.first(1, of: rule, from: Self.date(2026, 4, 6)) == [Self.date(2027, 4, 5)])
    }

    @Test("The rules end with the supported years")
    func rulesEnd() {
        let rule = LunarYearlyRule(monthDay: LunarMonthDay(month: 1, day: 1)!)
        let last = LunisolarCalendar.supportedYears.upperBound
        let dates = Self.first(5, of: rule, from: Self.date(last - 1, 1, 1))
        #expect(dates.count == 2)
        #expect(Self.first(1, of: SolarTermRule(term: .lichun), from: Self.date(last + 1, 1, 1)).isEmpty)
        // Before the first supported lunar new year (1800-01-25): from the first supported year.
        let early = Self.first(1, of: rule, from: Self.date(1800, 1, 1))
        #expect(early == [LunisolarCalendar.vietnamese.newYear(of: 1800)!])
        #expect(Self.first(1, of: SolarTermRule(term: .lichun), from: Self.date(1500, 1, 1)).first?.year == 1800)
    }

    @Test("A lunar rule in a DailyRecurrence gives instants at the local time")
    func dailyRecurrence() throws {
        let zone = ZoneRules.fixed(offsetSeconds: 7 * 3600)
        let recurrence = DailyRecurrence(
            rule: LunarYearlyRule(monthDay: LunarMonthDay(month: 8, day: 15)!),
            time: TimeOfDay(hour: 8, minute: 0)!,
            zone: zone
        )
        let after = zone.instant(for: LocalDateTime(iso: "2027-01-01T00:00")!)
        let instants = recurrence.occurrences(after: after, limit: 2).map { zone.zoned($0).description }
        #expect(instants == ["2027-09-15T08:00:00+07:00", "2028-10-03T08:00:00+07:00"])
    }
}
