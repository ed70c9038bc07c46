import Testing
import TicklerCalendar
import TicklerSchedule

/// Recurrence arithmetic, read through the loader: each recurrence key and modifier gives the right due times.
@Suite("ScheduleLoader recurrences")
struct LoaderRecurrenceTests {
    /// The first `count` due times after `after` of the one obligation `keys` describe (in Hanoi, at 08:00).
    private func dues(_ keys: String, after: String = "2026-12-01T00:00:00+07:00", count: Int = 4) throws -> [String] {
        let schedule = try TestSupport.load(
            "[defaults]\ntimezone = \"Asia/Ho_Chi_Minh\"\n[[obligation]]\nid = \"a\"\ntitle = \"t\"\n" + keys
        )
        return TestSupport.dues(try #require(schedule["a"]), after: after, count: count)
    }

    private func description(_ keys: String) throws -> String {
        try #require(try TestSupport.load("[[obligation]]\nid = \"a\"\ntitle = \"t\"\n" + keys)["a"])
            .recurrenceDescription
    }

    @Test("every month from the 31st takes the last day of shorter months")
    func monthEnd() throws {
        #expect(
            try dues("every = \"1m\"\nstart = \"2027-01-31\"\n") == [
                "2027-01-31T08:00:00+07:00", "2027-02-28T08:00:00+07:00", "2027-03-31T08:00:00+07:00",
                "2027-04-30T08:00:00+07:00",
            ]
        )
    }

    @Test("every year from 29 February")
    func leapDay() throws {
        #expect(
            try dues("every = \"1y\"\nstart = \"2024-02-29\"\n", count: 5) == [
                "2027-02-28T08:00:00+07:00", "2028-02-29T08:00:00+07:00", "2029-02-28T08:00:00+07:00",
                "2030-02-28T08:00:00+07:00", "2031-02-28T08:00:00+07:00",
            ]
        )
    }

    @Test("every 2 weeks and every 36 hours")
    func fixedSteps() throws {
        #expect(
            try dues("every = \"2w\"\nstart = \"2026-12-03\"\n", count: 3) == [
                "2026-12-03T08:00:00+07:00", "2026-12-17T08:00:00+07:00", "2026-12-31T08:00:00+07:00",
            ]
        )
        #expect(
            try dues("every = \"36h\"\nstart = \"2026-12-03T00:00\"\n", count: 3) == [
                "2026-12-03T00:00:00+07:00", "2026-12-04T12:00:00+07:00", "2026-12-06T00:00:00+07:00",
            ]
        )
    }

    @Test("until: a date includes that whole day, a date-time is the last instant")
    func until() throws {
        #expect(try dues("every = \"1d\"\nstart = \"2026-12-30\"\nuntil = \"2027-01-01\"\n", count: 9).count == 3)
        #expect(
            try dues("every = \"1d\"\nstart = \"2026-12-30\"\nuntil = \"2027-01-01T07:59\"\n", count: 9) == [
                "2026-12-30T08:00:00+07:00", "2026-12-31T08:00:00+07:00",
            ]
        )
    }

    @Test("once at a date and at a date-time; nothing after it")
    func once() throws {
        #expect(try dues("once = \"2027-06-30\"\n") == ["2027-06-30T08:00:00+07:00"])
        #expect(try dues("once = \"2027-06-30T16:00\"\n") == ["2027-06-30T16:00:00+07:00"])
        #expect(try dues("once = \"2027-06-30\"\n", after: "2027-06-30T08:00:00+07:00").isEmpty)
    }

    @Test("except drops whole days or exact times; also adds dates at `at` and date-times as written")
    func exceptAndAlso() throws {
        #expect(
            try dues(
                """
                every = "1m"
                start = "2027-01-15"
                except = ["2027-02-15", "2027-03-15T08:00", "2027-04-15T09:00"]
                also = ["2027-02-20", 2027-02-21T10:00:00, "2027-01-15"]
                """,
                count: 6
            ) == [
                "2027-01-15T08:00:00+07:00", "2027-02-20T08:00:00+07:00", "2027-02-21T10:00:00+07:00",
                "2027-04-15T08:00:00+07:00", "2027-05-15T08:00:00+07:00", "2027-06-15T08:00:00+07:00",
            ]
        )
        #expect(
            try description(
                "every = \"1m\"\nstart = \"2027-01-15\"\nexcept = [\"2027-02-15\"]\nalso = [\"2027-02-20\"]\n"
            )
                == "every 1m from 2027-01-15 08:00, except 1 date, also 1 date"
        )
    }

    @Test("lunar new year on both calendars: 2030 differs (2 February in Vietnam, 3 February in China)")
    func lunar() throws {
        let after = "2029-06-01T00:00:00+07:00"
        #expect(try dues("lunar = \"01-01\"\n", after: after, count: 1) == ["2030-02-02T08:00:00+07:00"])
        #expect(
            try dues("lunar = \"01-01\"\ncalendar = \"chinese\"\n", after: after, count: 1) == [
                "2030-02-03T08:00:00+07:00"
            ]
        )
        #expect(
            try description("lunar = \"08-15\"\ncalendar = \"chinese\"\nleap = \"also\"\n")
                == "lunar 08-15 (chinese, leap also) at 08:00"
        )
    }

    @Test("lunar with start and until bounds")
    func lunarBounds() throws {
        #expect(
            try dues("lunar = \"01-01\"\nstart = \"2028-01-01\"\nuntil = \"2029-12-31\"\n", count: 5) == [
                "2028-01-26T08:00:00+07:00", "2029-02-13T08:00:00+07:00",
            ]
        )
    }

    @Test("solar term Qingming")
    func solarTerm() throws {
        #expect(
            try dues("solar-term = \"qingming\"\ncalendar = \"chinese\"\n", count: 2) == [
                "2027-04-05T08:00:00+07:00", "2028-04-04T08:00:00+07:00",
            ]
        )
        #expect(try description("solar-term = \"qingming\"\n") == "solar-term qingming (vietnamese) at 08:00")
    }

    /// Each kind's description, bounded and not, adjusted and amended. A plain `every`, `lunar` or `solar-term`
    /// description is written from the recurrence when it is read, the others at load: both must read as before.
    @Test(
        "descriptions of every kind read the same whether written at load or when read",
        arguments: [
            ("every = \"1y\"\nstart = 2016-03-01\n", "every 1y from 2016-03-01 08:00"),
            (
                "every = \"2w\"\nstart = 2016-03-01T09:30:00\nuntil = 2030-12-31\n",
                "every 2w from 2016-03-01 09:30 until 2030-12-31"
            ),
            (
                "every = \"1m\"\nstart = 2016-03-31\nuntil = 2030-12-31T17:00:00\nadjust = \"next-workday\"\n",
                "every 1m from 2016-03-31 08:00 until 2030-12-31 17:00, adjust next-workday"
            ),
            (
                "lunar = \"01-10\"\nstart = 2018-01-01\nuntil = 2040-12-31\nat = \"07:15\"\n",
                "lunar 01-10 (vietnamese) at 07:15 from 2018-01-01 07:15 until 2040-12-31"
            ),
            (
                "lunar = \"12-30\"\nleap = \"also\"\ncalendar = \"chinese\"\nexcept = [2030-02-01]\n",
                "lunar 12-30 (chinese, leap also) at 08:00, except 1 date"
            ),
            (
                "solar-term = \"qingming\"\ncalendar = \"chinese\"\nstart = 2020-01-01\n",
                "solar-term qingming (chinese) at 08:00 from 2020-01-01 08:00"
            ),
            ("on-calendar = \"Mon..Fri *-*-1..7 08:00\"\n", "on-calendar Mon..Fri *-*-01..07 08:00:00"),
            (
                "on-calendar = \"Mon..Fri *-*-1..7 08:00\"\nstart = 2027-01-01\nuntil = 2028-06-30\n",
                "on-calendar Mon..Fri *-*-01..07 08:00:00 from 2027-01-01 08:00 until 2028-06-30"
            ),
            (
                "rrule = \"FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15\"\nstart = 2014-12-15\nuntil = 2034-12-31\n",
                "rrule FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15 from 2014-12-15 08:00 until 2034-12-31"
            ),
            ("once = 2027-02-06\n", "once 2027-02-06 08:00"),
        ]
    )
    func descriptions(keys: String, expected: String) throws {
        #expect(try description(keys) == expected)
    }

    /// One `on-calendar` text shared by obligations with and without bounds (its description is written once per
    /// text and load): each keeps its own bounds in its description.
    @Test("obligations sharing an on-calendar text keep their own bounds in their descriptions")
    func sharedCalendarTextDescriptions() throws {
        let schedule = try TestSupport.load(
            """
            [[obligation]]
            id = "plain"
            title = "t"
            on-calendar = "*-12-15 08:00"
            [[obligation]]
            id = "bounded"
            title = "t"
            on-calendar = "*-12-15 08:00"
            start = 2027-01-01
            [[obligation]]
            id = "again"
            title = "t"
            on-calendar = "*-12-15 08:00"

            """
        )
        #expect(schedule["plain"]?.recurrenceDescription == "on-calendar *-12-15 08:00:00")
        #expect(schedule["bounded"]?.recurrenceDescription == "on-calendar *-12-15 08:00:00 from 2027-01-01 08:00")
        #expect(schedule["again"]?.recurrenceDescription == "on-calendar *-12-15 08:00:00")
    }

    @Test("adjust moves a holiday or weekend due date to the working day before or after")
    func adjust() throws {
        // 2027-05-01 is a Saturday and Labour Day; 30 April is a holiday too; Thursday 29 April is a working day.
        #expect(
            try dues(
                "every = \"1y\"\nstart = \"2027-05-01\"\nadjust = \"previous-workday\"\nholidays = [\"vn\"]\n",
                count: 1
            )
                == ["2027-04-29T08:00:00+07:00"]
        )
        // Without holidays only the weekend counts: Friday 30 April.
        #expect(
            try dues("every = \"1y\"\nstart = \"2027-05-01\"\nadjust = \"previous-workday\"\n", count: 1) == [
                "2027-04-30T08:00:00+07:00"
            ]
        )
        // An announced make-up working day (Saturday 1 May) stays put; an extra holiday moves the date on.
        #expect(
            try dues(
                "every = \"1y\"\nstart = \"2027-05-01\"\nadjust = \"next-workday\"\nworkdays = [\"2027-05-01\"]\n",
                count: 1
            )
                == ["2027-05-01T08:00:00+07:00"]
        )
        #expect(
            try dues(
                "every = \"1y\"\nstart = \"2027-05-01\"\nadjust = \"next-workday\"\nholidays = [\"2027-05-03\"]\n",
                count: 1
            )
                == ["2027-05-04T08:00:00+07:00"]
        )
        #expect(
            try description(
                "every = \"1y\"\nstart = \"2027-05-01\"\nadjust = \"previous-workday\"\nholidays = [\"vn\", \"cn\"]\n"
            )
                == "every 1y from 2027-05-01 08:00, adjust previous-workday (holidays vn, cn)"
        )
    }

    @Test("adjust = none leaves due dates alone")
    func adjustNone() throws {
        #expect(
            try dues("every = \"1y\"\nstart = \"2027-05-01\"\nadjust = \"none\"\n", count: 1) == [
                "2027-05-01T08:00:00+07:00"
            ]
        )
    }

    @Test("rrule from start, bounded by until")
    func rrule() throws {
        #expect(
            try dues(
                "rrule = \"FREQ=MONTHLY;BYDAY=-1FR\"\nstart = \"2027-01-01T09:00\"\nuntil = \"2027-03-31\"\n",
                count: 5
            )
                == [
                    "2027-01-29T09:00:00+07:00", "2027-02-26T09:00:00+07:00", "2027-03-26T09:00:00+07:00",
                ]
        )
    }

    @Test("on-calendar in the obligation's zone, with start and until")
    func onCalendar() throws {
        #expect(
            try dues("on-calendar = \"*-10-01 08:00\"\n", count: 2) == [
                "2027-10-01T08:00:00+07:00", "2028-10-01T08:00:00+07:00",
            ]
        )
        #expect(
            try dues(
                "on-calendar = \"Mon *-*-01..07 09:00\"\nstart = \"2027-03-01\"\nuntil = \"2027-05-31\"\n",
                count: 5
            )
                == [
                    "2027-03-01T09:00:00+07:00", "2027-04-05T09:00:00+07:00", "2027-05-03T09:00:00+07:00",
                ]
        )
    }
}
