import Testing
import TicklerCalendar
import TicklerLunar

/// Built-in holiday sets, the `holidays`/`workdays` lists and working days.
@Suite("Holidays and working days")
struct HolidayTests {
    /// Dates from `MM-DD` strings in `year`.
    static func dates(_ year: Int, _ monthDays: [String]) -> [CivilDate] {
        monthDays.map { CivilDate(iso: "\(year)-\($0)")! }
    }

    @Test("vn 2027: Tết (eve + days 1–4), Hùng Kings, 30/4, 1/5, 2/9 + 3/9, and compensatory days")
    func vietnam2027() {
        #expect(
            HolidaySet.vn.dates(in: 2027)
                == Self.dates(
                    2027,
                    [
                        "01-01",
                        "02-05", "02-06", "02-07", "02-08", "02-09",  // eve (Fri) and days 1–4
                        "02-10", "02-11",  // for Tết Saturday and Sunday
                        "04-16",  // 10/3 lunar
                        "04-30", "05-01", "05-03",  // 1 May is a Saturday: Monday off
                        "09-02", "09-03",  // 2 Sept is a Thursday: Friday bridges to the weekend
                    ]
                )
        )
    }

    @Test(
        "vn: the day next to 2 September",
        arguments: [(2025, "09-01"), (2026, "09-03"), (2028, "09-01"), (2030, "09-03")]
    )
    func nationalDay(year: Int, adjacent: String) {
        #expect(HolidaySet.vn.contains(CivilDate(iso: "\(year)-\(adjacent)")!))
    }

    @Test("cn 2027: Spring Festival week, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day")
    func china2027() {
        let expected = Self.dates(
            2027,
            [
                "01-01", "02-05", "02-06", "02-07", "02-08", "02-09", "02-10", "02-11", "02-12", "04-05",
                "05-01", "05-02", "05-03", "05-04", "05-05", "06-09", "09-15",
                "10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07",
            ]
        )
        #expect(HolidaySet.cn.dates(in: 2027) == expected)
    }

    @Test("holidays = [\"vn\", \"cn\", dates, ranges] parses; bad entries name themselves")
    func parsing() throws {
        let calendar = try HolidayCalendar.parse(names: ["vn", "CN", "2027-05-03", "2027-12-30..2028-01-02"])
        #expect(calendar.sets == [.vn, .cn])
        #expect(calendar.extraDates.count == 5)
        #expect(calendar.isHoliday(CivilDate(iso: "2027-12-31")!))
        #expect(calendar.isHoliday(CivilDate(iso: "2027-10-07")!))
        #expect(!calendar.isHoliday(CivilDate(iso: "2027-10-08")!))
        for (names, message) in [
            (["vn", "jp"], "bad holidays \"jp\": expected \"vn\", \"cn\", a date YYYY-MM-DD"),
            (["2027-02-30"], "bad holidays \"2027-02-30\""),
            (["2027-03-01..2027-02-01"], "a range must run forward"),
        ] {
            #expect {
                try HolidayCalendar.parse(names: names)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
        #expect {
            try WorkingDays.parse(holidays: [], workdays: ["13-02-2027"])
        } throws: { error in
            "\(error)" == "bad workdays \"13-02-2027\": expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
        }
    }

    @Test("Working days: weekends and holidays off, announced workdays on")
    func workingDays() throws {
        let days = try WorkingDays.parse(holidays: ["vn"], workdays: ["2027-02-13"])
        #expect(!days.isWorkingDay(CivilDate(iso: "2027-02-08")!))  // Tết
        #expect(!days.isWorkingDay(CivilDate(iso: "2027-02-14")!))  // Sunday
        #expect(days.isWorkingDay(CivilDate(iso: "2027-02-13")!))  // a Saturday made a working day
        #expect(days.isWorkingDay(CivilDate(iso: "2027-02-12")!))
        #expect(WorkingDays.weekdays.isWorkingDay(CivilDate(iso: "2027-02-08")!))
    }

    @Test("Adjusting a date off days off")
    func adjusting() throws {
        let days = WorkingDays(holidays: HolidayCalendar(sets: [.vn]))
        let tet = CivilDate(iso: "2027-02-06")!
        #expect(days.adjust(tet, .previousWorkday) == CivilDate(iso: "2027-02-04")!)
        #expect(days.adjust(tet, .nextWorkday) == CivilDate(iso: "2027-02-12")!)
        #expect(days.adjust(tet, .none) == tet)
        #expect(days.adjust(CivilDate(iso: "2027-02-12")!, .previousWorkday) == CivilDate(iso: "2027-02-12")!)
        #expect(try DateAdjustment(parsing: "previous-workday") == .previousWorkday)
        #expect {
            try DateAdjustment(parsing: "nearest")
        } throws: { error in
            "\(error)" == "bad adjustment \"nearest\": expected \"previous-workday\", \"next-workday\" or \"none\""
        }
    }
}
