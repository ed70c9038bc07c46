import Testing
import TicklerSchedule

/// Every kind of problem a schedule can have, with the exact diagnostic text a sysadmin sees.
@Suite("ScheduleLoader diagnostics")
struct LoaderErrorTests {
    static let head = "[[obligation]]\nid = \"a\"\ntitle = \"t\"\n"
    static let file = TestSupport.path

    static let cases: [(text: String, expected: [String])] = [
        (
            head + "tittle = \"x\"\nonce = 2027-01-01\n",
            ["\(file):4:1: obligation \"a\": key \"tittle\": unknown key (did you mean \"title\"?)"]
        ),
        (
            head + "remind = [\"1m\"]\nonce = 2027-01-01\n",
            [
                "\(file):4:1: obligation \"a\": key \"remind\": invalid duration \"1m\": months and "
                    + "years are only valid in "
                    + "`every`; write minutes as \"min\""
            ]
        ),
        (
            head + "timezone = \"Asia/Hanoi\"\nonce = 2027-01-01\n",
            [
                "\(file):4:1: obligation \"a\": key \"timezone\": unknown time zone \"Asia/Hanoi\" "
                    + "(expected an IANA name "
                    + "such as Asia/Ho_Chi_Minh; see timedatectl list-timezones)"
            ]
        ),
        (
            "[[obligation]]\ntitle = \"t\"\nonce = 2027-01-01\n",
            ["\(file):1:1: obligation #1: missing required key \"id\""]
        ),
        (
            "[[obligation]]\nid = \"Văn-Sơn\"\ntitle = \"t\"\nonce = 2027-01-01\n",
            [
                "\(file):2:1: obligation #1: key \"id\": invalid id \"Văn-Sơn\" (use lowercase "
                    + "letters a-z, digits and \"-\")"
            ]
        ),
        (
            "[[obligation]]\nid = \"a\"\nonce = 2027-01-01\n",
            ["\(file):1:1: obligation \"a\": missing required key \"title\""]
        ),
        (
            "[[obligation]]\nid = \"a\"\ntitle = \"  \"\nonce = 2027-01-01\n",
            ["\(file):3:1: obligation \"a\": key \"title\": must not be empty"]
        ),
        (
            head + "once = 2027-01-01\nevery = \"1y\"\nlunar = \"01-01\"\n",
            [
                "\(file):5:1: obligation \"a\": key \"every\": only one recurrence key is allowed, "
                    + "and \"once\" is already set "
                    + "on line 4",
                "\(file):6:1: obligation \"a\": key \"lunar\": only one recurrence key is allowed, "
                    + "and \"once\" is already set "
                    + "on line 4",
            ]
        ),
        (
            head,
            [
                "\(file):1:1: obligation \"a\": missing a recurrence: set exactly one of \"every\", "
                    + "\"once\", \"rrule\", "
                    + "\"on-calendar\", \"lunar\", \"solar-term\""
            ]
        ),
        (
            head + "remind = \"7d\"\nonce = 2027-01-01\n",
            [
                "\(file):4:1: obligation \"a\": key \"remind\": expected an array of durations such "
                    + "as [\"7d\", \"1d\"], "
                    + "found a string"
            ]
        ),
        (
            head + "once = 2027-01-01\n" + head + "once = 2027-01-01\n",
            ["\(file):6:1: obligation \"a\": key \"id\": duplicate id \"a\" (first defined at \(file):2:1)"]
        ),
        (
            "[defualts]\nat = \"08:00\"\n" + head + "once = 2027-01-01\n",
            ["\(file):1:1: key \"defualts\": unknown table (did you mean \"defaults\"?)"]
        ),
        (
            "[defaults]\nzone = \"UTC\"\nat = \"8am\"\n",
            [
                "\(file):2:1: [defaults]: key \"zone\": unknown key",
                "\(file):3:1: [defaults]: key \"at\": invalid time of day \"8am\" (expected HH:MM or HH:MM:SS)",
            ]
        ),
        (
            "[defaults]\ntimezone = 7\nremind = [\"7d\", 3]\n",
            [
                "\(file):2:1: [defaults]: key \"timezone\": expected a string, found an integer",
                "\(file):3:1: [defaults]: key \"remind\": expected an array of durations such as "
                    + "[\"7d\", \"1d\"], found an "
                    + "element that is an integer",
            ]
        ),
        (
            head + "every = \"1y\"\nstart = \"2027-01-01\"\nuntil = \"2026-01-01\"\n",
            ["\(file):6:1: obligation \"a\": key \"until\": 2026-01-01 is before start 2027-01-01 08:00"]
        ),
        (
            head + "once = 2027-01-01\nstart = 2027-01-01\nuntil = 2028-01-01\n",
            [
                "\(file):5:1: obligation \"a\": key \"start\": not valid with \"once\" (only with "
                    + "\"every\", \"rrule\", "
                    + "\"on-calendar\", \"lunar\", \"solar-term\")",
                "\(file):6:1: obligation \"a\": key \"until\": not valid with \"once\" (only with "
                    + "\"every\", \"rrule\", "
                    + "\"on-calendar\", \"lunar\", \"solar-term\")",
            ]
        ),
        (
            head + "solar-term = \"qingming\"\nleap = \"also\"\n",
            ["\(file):5:1: obligation \"a\": key \"leap\": not valid with \"solar-term\" (only with \"lunar\")"]
        ),
        (
            head + "every = \"1y\"\nstart = 2027-01-01\ncalendar = \"chinese\"\n",
            [
                "\(file):6:1: obligation \"a\": key \"calendar\": not valid with \"every\" (only "
                    + "with \"lunar\", \"solar-term\")"
            ]
        ),
        (
            head + "rrule = \"FREQ=YEARLY\"\nstart = 2027-01-01\nleap = \"also\"\ncalendar = 7\n",
            [
                "\(file):6:1: obligation \"a\": key \"leap\": not valid with \"rrule\" (only with \"lunar\")",
                "\(file):7:1: obligation \"a\": key \"calendar\": not valid with \"rrule\" (only "
                    + "with \"lunar\", \"solar-term\")",
            ]
        ),
        (
            head + "on-calendar = \"*-*-01 09:00\"\nstart = 2027\n",
            [
                "\(file):5:1: obligation \"a\": key \"start\": expected a date such as 2027-06-30 or a date-time "
                    + "such as 2027-06-30T08:00, found an integer"
            ]
        ),
        (
            head + "once = 2027-01-01\nholidays = [\"vn\"]\n",
            ["\(file):5:1: obligation \"a\": key \"holidays\": has no effect without \"adjust\""]
        ),
        (
            head + "lunar = \"13-01\"\n",
            ["\(file):4:1: obligation \"a\": key \"lunar\": bad lunar date \"13-01\": month 13 is not 1…12"]
        ),
        (
            head + "lunar = \"01-01\"\nleap = \"maybe\"\n",
            [
                "\(file):5:1: obligation \"a\": key \"leap\": bad leap policy \"maybe\": expected "
                    + "\"skip\", \"also\" or \"only\""
            ]
        ),
        (
            head + "solar-term = \"qinming\"\ncalendar = \"korean\"\n",
            [
                "\(file):4:1: obligation \"a\": key \"solar-term\": bad solar term \"qinming\": "
                    + "expected one of xiaohan, "
                    + "dahan, lichun, yushui, jingzhe, chunfen, qingming, guyu, lixia, xiaoman, mangzhong, xiazhi, "
                    + "xiaoshu, dashu, liqiu, chushu, bailu, qiufen, hanlu, shuangjiang, lidong, "
                    + "xiaoxue, daxue, dongzhi",
                "\(file):5:1: obligation \"a\": key \"calendar\": bad calendar \"korean\": expected \"vietnamese\" or "
                    + "\"chinese\"",
            ]
        ),
        (
            head + "rrule = \"FREQ=MONTHLY;BYMONTH=13\"\nstart = 2027-01-01\n",
            ["\(file):4:1: obligation \"a\": key \"rrule\": BYMONTH=13: month must be 1…12"]
        ),
        (
            head + "rrule = \"FREQ=MONTHLY\"\n",
            [
                "\(file):4:1: obligation \"a\": key \"rrule\": needs \"start\", the first due date (a date or a local "
                    + "date-time)"
            ]
        ),
        (
            head + "on-calendar = \"Mon..Fry 09:00\"\n",
            ["\(file):4:1: obligation \"a\": key \"on-calendar\": Fry: unknown weekday (expected Mon, Tue, … or Sun)"]
        ),
        (
            head + "every = \"0\"\nstart = 2027-01-01\n",
            ["\(file):4:1: obligation \"a\": key \"every\": the interval must be more than 0"]
        ),
        (
            head + "every = \"1y\"\n",
            [
                "\(file):4:1: obligation \"a\": key \"every\": needs \"start\", the first due date (a date or a local "
                    + "date-time)"
            ]
        ),
        (
            head + "once = \"2027-02-30\"\n",
            [
                "\(file):4:1: obligation \"a\": key \"once\": invalid date \"2027-02-30\" (expected YYYY-MM-DD or "
                    + "YYYY-MM-DDTHH:MM)"
            ]
        ),
        (
            head + "once = 2027-01-01\nremind = [\"0\", \"1d\"]\n",
            ["\(file):5:1: obligation \"a\": key \"remind\": a lead of \"0\" is the due time itself; remove it"]
        ),
        (
            head + "every = \"1001y\"\nstart = 2027-01-01\nremind = [\"999999999w\"]\n",
            [
                "\(file):4:1: obligation \"a\": key \"every\": invalid duration \"1001y\": too long (at most 1000 years)",
                "\(file):6:1: obligation \"a\": key \"remind\": invalid duration \"999999999w\": too long (at most 1000 "
                    + "years)",
            ]
        ),
        (
            head + "once = 2027-01-01\noverdue-every = true\n",
            [
                "\(file):5:1: obligation \"a\": key \"overdue-every\": expected a duration such as \"7d\", found a "
                    + "boolean"
            ]
        ),
        (
            head + "once = 2027-01-01\nadjust = \"closest\"\nholidays = [\"xx\"]\nworkdays = [\"2027-13-01\"]\n",
            [
                "\(file):5:1: obligation \"a\": key \"adjust\": bad adjustment \"closest\": expected "
                    + "\"previous-workday\", \"next-workday\" or \"none\"",
                "\(file):6:1: obligation \"a\": key \"holidays\": bad holidays \"xx\": expected \"vn\", \"cn\", a date "
                    + "YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD",
                "\(file):7:1: obligation \"a\": key \"workdays\": bad workdays \"2027-13-01\": expected a date "
                    + "YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD",
            ]
        ),
        (
            head + "once = 2027-01-01\nexcept = [\"soon\"]\nalso = \"2027-01-02\"\n",
            [
                "\(file):5:1: obligation \"a\": key \"except\": invalid date \"soon\" (expected YYYY-MM-DD or "
                    + "YYYY-MM-DDTHH:MM)",
                "\(file):6:1: obligation \"a\": key \"also\": expected an array of dates, found a string",
            ]
        ),
        (
            "obligation = 3\n",
            ["\(file):1:1: key \"obligation\": expected [[obligation]] tables (an array of tables), found an integer"]
        ),
        (
            "[obligation]\nid = \"a\"\n",
            ["\(file):1:1: key \"obligation\": expected [[obligation]] tables (an array of tables), found a table"]
        ),
        (
            "timezone = \"Asia/Ho_Chi_Minh\"\ntitle = \"t\"\nobligations = []\n",
            [
                "\(file):1:1: key \"timezone\": unknown top-level key (put it under [defaults], or "
                    + "in an [[obligation]] "
                    + "table)",
                "\(file):2:1: key \"title\": unknown top-level key (put it in an [[obligation]] table)",
                "\(file):3:1: key \"obligations\": unknown key (did you mean \"obligation\"?)",
            ]
        ),
        (
            "[[obligation]]\r\nid = \"a\"\r\ntitle = \"t\"\r\nonce = 2027-01-01\r\nbad = 1\r\n",
            ["\(file):5:1: obligation \"a\": key \"bad\": unknown key"]
        ),
        (
            "[[obligation]]\n  id = \"a\"\n  title = \"t\"\n  once = 2027-01-01\n  bogus.key = 1\n",
            ["\(file):5:3: obligation \"a\": key \"bogus\": unknown table"]
        ),
    ]

    @Test("each problem, exactly as reported", arguments: cases)
    func diagnostic(text: String, expected: [String]) {
        #expect(TestSupport.problems(text) == expected)
    }

    @Test(
        "TOML syntax errors as file:line:column",
        arguments: [
            ("[defaults]\nat = 08:00\n", "\(file):2:6: invalid time \"08:00\": expected a time HH:MM:SS"),
            (
                "a = \"unterminated\n",
                "\(file):1:5: unterminated string: no closing \" on its line (a string over several lines is written "
                    + "\"\"\"…\"\"\")"
            ),
            ("[[obligation]]\nid = \"a\"\nid = \"b\"\n", "\(file):3:1: duplicate key \"id\" (first defined at line 2)"),
            ("title \"x\"\n", "\(file):1:7: expected \"=\" after key \"title\", found '\"'"),
            ("e=2030-01-01T:", "\(file):1:3: invalid date-time \"2030-01-01T:\": expected a time HH:MM:SS"),
            ("[\n", "\(file):1:2: expected a key, found the end of the line"),
        ]
    )
    func syntax(text: String, expected: String) {
        #expect(TestSupport.problems(text) == [expected])
    }

    @Test("the example of the team brief, at its line 14")
    func briefExample() {
        let text = """
            # Border labour agreements.
            [defaults]
            timezone = "Asia/Ho_Chi_Minh"

            [[obligation]]
            id = "sister-clusters"
            title = "Kỷ niệm ngày ký kết nghĩa"
            every = "1y"
            start = "2016-06-15"

            [[obligation]]
            id = "labour-agreement-van-son"
            title = "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn"
            every = "5q"
            start = "2014-12-15"
            """
        #expect(
            TestSupport.problems(text) == [
                "/etc/tickler/schedule.toml:14:1: obligation \"labour-agreement-van-son\": key "
                    + "\"every\": invalid duration "
                    + "\"5q\": unknown unit \"q\" (expected s, min, h, d, w, m or y)"
            ]
        )
    }

    @Test("all problems of a load are reported, in line order, and none of the obligations is kept")
    func collectsAll() throws {
        let text = """
            [[obligation]]
            id = "first"
            title = "t"
            every = "5q"
            start = "2014-12-15"
            remind = ["7x"]

            [[obligation]]
            id = "second"
            title = "t"
            once = 2027-01-01
            timezone = "Mars/Olympus"
            """
        let problems = TestSupport.problems(text)
        #expect(problems.count == 3)
        #expect(problems.map { $0.split(separator: ":")[1] } == ["4", "6", "12"])
        var caught: ScheduleLoadError?
        do { _ = try TestSupport.load(text) } catch { caught = error }
        let error = try #require(caught)
        #expect(error.diagnostics.map(\.obligationID) == ["first", "first", "second"])
        #expect(error.diagnostics.map(\.key) == ["every", "remind", "timezone"])
        #expect(error.description == problems.joined(separator: "\n"))
    }

    @Test("keys in values that span lines are not taken for keys: positions stay right after them")
    func multiLineValues() {
        let text = """
            [[obligation]]
            id = "a"
            title = "t"
            notes = \"\"\"
            every = "1y" is only text here
            [[obligation]]
            \"\"\"
            remind = [
                "7d", # comment ] with a bracket
                "1d",
            ]
            once = 2027-01-01
            bad-key = 1
            """
        #expect(TestSupport.problems(text) == ["\(Self.file):13:1: obligation \"a\": key \"bad-key\": unknown key"])
    }
}
