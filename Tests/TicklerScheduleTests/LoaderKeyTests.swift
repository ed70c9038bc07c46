import Testing
import TicklerCalendar
import TicklerSchedule

/// Every key of the schedule file, read through the loader.
@Suite("ScheduleLoader keys")
struct LoaderKeyTests {
    @Test("all text keys, defaults and an every recurrence with until")
    func fullObligation() throws {
        let schedule = try TestSupport.load(
            """
            [defaults]
            timezone = "Asia/Ho_Chi_Minh"
            at = "09:30"
            remind = ["1d", "30d", "7d"]
            overdue-every = "12h"

            [[obligation]]
            id = "labour-agreement-van-son"
            title = "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn"
            partner = "Châu Văn Sơn, Vân Nam"
            category = "lao động"
            notes = "Ký tháng 12/2014"
            owner = "Phòng Quản lý Biên giới"
            every = "5y"
            start = "2014-12-15"
            until = "2034-12-15"
            """
        )
        #expect(schedule.count == 1)
        #expect(schedule.files == [TestSupport.path])
        let obligation = try #require(schedule["labour-agreement-van-son"])
        #expect(obligation.title == "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn")
        #expect(obligation.partner == "Châu Văn Sơn, Vân Nam")
        #expect(obligation.category == "lao động")
        #expect(obligation.notes == "Ký tháng 12/2014")
        #expect(obligation.owner == "Phòng Quản lý Biên giới")
        #expect(obligation.zone.identifier == "Asia/Ho_Chi_Minh")
        #expect(obligation.reminderLeads == [Period(30, .day), Period(7, .day), Period(1, .day)])
        #expect(obligation.overdueEvery == Period(12, .hour))
        #expect(obligation.recurrenceDescription == "every 5y from 2014-12-15 09:30 until 2034-12-15")
        #expect(obligation.source == SourceLocation(file: TestSupport.path, line: 7, column: 1))
        #expect(
            TestSupport.dues(obligation, after: "2000-01-01T00:00:00Z", count: 10) == [
                "2014-12-15T09:30:00+07:00", "2019-12-15T09:30:00+07:00", "2024-12-15T09:30:00+07:00",
                "2029-12-15T09:30:00+07:00", "2034-12-15T09:30:00+07:00",
            ]
        )
    }

    @Test("per-obligation overrides of at, timezone, remind and overdue-every")
    func overrides() throws {
        let schedule = try TestSupport.load(
            """
            [defaults]
            timezone = "Asia/Ho_Chi_Minh"
            remind = ["7d"]

            [[obligation]]
            id = "shanghai"
            title = "x"
            once = "2027-06-30"
            at = "14:15"
            timezone = "Asia/Shanghai"
            remind = []
            overdue-every = "0"

            [[obligation]]
            id = "plain"
            title = "y"
            once = 2027-06-30
            """
        )
        let shanghai = try #require(schedule["shanghai"])
        #expect(shanghai.zone.identifier == "Asia/Shanghai")
        #expect(shanghai.reminderLeads.isEmpty)
        #expect(shanghai.overdueEvery.isZero)
        #expect(shanghai.recurrenceDescription == "once 2027-06-30 14:15")
        #expect(TestSupport.dues(shanghai, after: "2027-01-01T00:00:00Z", count: 3) == ["2027-06-30T14:15:00+08:00"])
        let plain = try #require(schedule["plain"])
        #expect(plain.reminderLeads == [Period(7, .day)])
        #expect(plain.overdueEvery == Period(1, .day), "built-in overdue-every")
        #expect(TestSupport.dues(plain, after: "2027-01-01T00:00:00Z", count: 3) == ["2027-06-30T08:00:00+07:00"])
    }

    @Test("built-in defaults: system zone, 08:00, reminders 7d and 1d, overdue daily")
    func builtInDefaults() throws {
        let obligation = try #require(
            try TestSupport.load("[[obligation]]\nid = \"a\"\ntitle = \"t\"\nonce = \"2027-01-01\"\n")["a"]
        )
        #expect(obligation.zone == .utc)
        #expect(obligation.reminderLeads == [Period(7, .day), Period(1, .day)])
        #expect(obligation.overdueEvery == Period(1, .day))
        #expect(TestSupport.dues(obligation, after: "2026-01-01T00:00:00Z", count: 2) == ["2027-01-01T08:00:00+00:00"])
    }

    @Test(
        "start and once accept TOML dates, local date-times, offset date-times and ISO text",
        arguments: [
            ("2027-03-10", "2027-03-10T08:00:00+07:00"),
            ("\"2027-03-10\"", "2027-03-10T08:00:00+07:00"),
            ("2027-03-10T17:45:00", "2027-03-10T17:45:00+07:00"),
            ("\"2027-03-10T17:45\"", "2027-03-10T17:45:00+07:00"),
            ("\"2027-03-10 17:45\"", "2027-03-10T17:45:00+07:00"),
            ("2027-03-10T10:00:00Z", "2027-03-10T17:00:00+07:00"),
            ("\"2027-03-10T09:00+08:00\"", "2027-03-10T08:00:00+07:00"),
        ]
    )
    func dateForms(written: String, expected: String) throws {
        let text = "[defaults]\ntimezone = \"Asia/Ho_Chi_Minh\"\n[[obligation]]\nid = \"a\"\ntitle = \"t\"\n"
        let once = try #require(try TestSupport.load(text + "once = \(written)\n")["a"])
        #expect(TestSupport.dues(once, after: "2027-01-01T00:00:00Z", count: 2) == [expected])
        let every = try #require(try TestSupport.load(text + "every = \"1y\"\nstart = \(written)\n")["a"])
        #expect(TestSupport.dues(every, after: "2027-01-01T00:00:00Z", count: 1) == [expected])
    }

    @Test("at accepts a TOML time")
    func tomlTime() throws {
        let obligation = try #require(
            try TestSupport.load(
                "[defaults]\nat = 07:30:00\n[[obligation]]\nid = \"a\"\ntitle = \"t\"\nonce = 2027-01-01\n"
            )["a"]
        )
        #expect(obligation.recurrenceDescription == "once 2027-01-01 07:30")
    }

    @Test("leads are sorted longest first without duplicates")
    func leadOrder() throws {
        let obligation = try #require(
            try TestSupport.load(
                "[[obligation]]\nid = \"a\"\ntitle = \"t\"\nonce = 2027-01-01\nremind = [\"2h\", "
                    + "\"1w\", \"90min\", \"7d\", \"30s\"]\n"
            )["a"]
        )
        #expect(
            obligation.reminderLeads == [Period(1, .week), Period(2, .hour), Period(90, .minute), Period(30, .second)]
        )
    }

    @Test("UTF-8 text survives as written")
    func unicode() throws {
        let title = "Gửi thư chúc mừng Quốc khánh tới Ủy ban Nhân dân tỉnh Vân Nam 云南省 — “thư”"
        let text =
            "[[obligation]]\nid = \"a\"\ntitle = \"\(title)\"\nnotes = '''\nDòng 1\nDòng 2'''\nonce = 2027-01-01\n"
        let obligation = try #require(try TestSupport.load(text)["a"])
        #expect(obligation.title == title)
        #expect(obligation.notes == "Dòng 1\nDòng 2")
    }

    @Test("obligations keep file order and lookup by id works")
    func order() throws {
        var text = ""
        for id in ["zeta", "alpha", "mid-1"] {
            text += "[[obligation]]\nid = \"\(id)\"\ntitle = \"t\"\nonce = 2027-01-01\n"
        }
        let schedule = try TestSupport.load(text)
        #expect(schedule.ids == ["zeta", "alpha", "mid-1"])
        #expect(schedule.index(of: "alpha") == 1)
        #expect(schedule["nope"] == nil)
    }

    @Test("an empty file is an empty schedule")
    func empty() throws {
        #expect(try TestSupport.load("# nothing yet\n").count == 0)
    }
}
