import Testing
import TicklerCalendar
import TicklerSchedule

/// The loader on Tickler's own TOML reader: syntax errors as diagnostics, times written beyond microseconds truncated
/// to them, and the inputs that crashed the previous TOML library.
@Suite("ScheduleLoader TOML reading")
struct LoaderTOMLTests {
    static let head = "[[obligation]]\nid = \"a\"\ntitle = \"t\"\n"
    static let file = TestSupport.path

    @Test(
        "a time written beyond microseconds is truncated to them, in every form it can be written (it trapped)",
        arguments: [
            head + "once = 2030-01-01T00:00:00.1234567\n",
            head + "once = 2030-01-01 07:00:00.123456789+07:00\n",
            head + "once = 2030-01-01T00:00:00.123456999999999999Z\n",
            head + "once = \"2030-01-01T00:00:00.1234567\"\n",
            head + "every = \"1y\"\nstart = \"2030-01-01T00:00:00,12345678\"\n",
        ]
    )
    func truncatedFractions(text: String) throws {
        let schedule = try TestSupport.load("[defaults]\ntimezone = \"UTC\"\n" + text)
        let obligation = try #require(schedule["a"])
        let due = obligation.recurrence.occurrences(after: TestSupport.instant("2029-12-31T00:00:00Z"), limit: 1)
        #expect(due == [TestSupport.instant("2030-01-01T00:00:00.123456Z")])
    }

    @Test("`at` written beyond microseconds is truncated to them")
    func truncatedTimeOfDay() throws {
        for at in ["08:00:00.1234567", "\"08:00:00.123456789\""] {
            let schedule = try TestSupport.load(
                "[defaults]\ntimezone = \"UTC\"\nat = \(at)\n" + Self.head + "once = 2030-01-01\n"
            )
            let due = try #require(schedule["a"]).recurrence.occurrences(
                after: TestSupport.instant("2029-12-31T00:00:00Z"),
                limit: 1
            )
            #expect(due == [TestSupport.instant("2030-01-01T08:00:00.123456Z")])
        }
    }

    @Test(
        "a leap second or a time past 9 digits in text is a diagnostic",
        arguments: [
            (
                head + "once = 2030-06-30T23:59:60\n",
                "\(file):4:1: obligation \"a\": key \"once\": invalid date-time 2030-06-30T23:59:60"
            ),
            (
                head + "once = \"2030-01-01T00:00:00.1234567890\"\n",
                "\(file):4:1: obligation \"a\": key \"once\": invalid date \"2030-01-01T00:00:00.1234567890\" (expected "
                    + "YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
            ),
        ]
    )
    func fractions(text: String, expected: String) {
        #expect(TestSupport.problems(text) == [expected])
    }

    @Test("six fractional digits are kept as microseconds")
    func microseconds() throws {
        let schedule = try TestSupport.load(Self.head + "once = 2030-01-01T00:00:00.123456Z\n")
        let obligation = try #require(schedule["a"])
        let due = obligation.recurrence.occurrences(after: TestSupport.instant("2029-12-31T00:00:00Z"), limit: 1)
        #expect(due == [TestSupport.instant("2030-01-01T00:00:00.123456Z")])
    }

    @Test("a 100,000-level dotted header is a diagnostic, not a crash")
    func deepHeader() {
        let text = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]\n"
        #expect(
            TestSupport.problems(text) == ["\(Self.file):1:2002: a key or table name with more than 1000 parts"]
        )
    }

    @Test("positions come from the reader: a key after a multi-line array and inline table is placed exactly")
    func positions() {
        let text =
            Self.head
            + "remind = [\n  \"7d\",\n  \"1d\", # [[obligation]]\n]\nonce = { not = \"a date\" }\n    bad = 1\n"
        #expect(
            TestSupport.problems(text) == [
                "\(Self.file):8:1: obligation \"a\": key \"once\": expected a date such as 2027-06-30 or a date-time "
                    + "such as 2027-06-30T08:00, found a table",
                "\(Self.file):9:5: obligation \"a\": key \"bad\": unknown key",
            ]
        )
    }
}
