import Testing
import TicklerCalendar
import TicklerSchedule

/// The loader on Tickler's own TOML reader: syntax errors as diagnostics, times written beyond microseconds refused
/// cleanly, and the inputs that crashed the previous TOML library.
@Suite("ScheduleLoader TOML reading")
struct LoaderTOMLTests {
    static let head = "[[obligation]]\nid = \"a\"\ntitle = \"t\"\n"
    static let file = TestSupport.path
    static let tooPrecise = ": at most 6 digits after the decimal point (microseconds)"

    @Test(
        "a time with 7 to 9 fractional digits is a diagnostic, in every form it can be written",
        arguments: [
            (
                head + "once = 2030-01-01T00:00:00.1234567\n",
                "\(file):4:1: obligation \"a\": key \"once\": invalid date-time 2030-01-01T00:00:00.1234567"
                    + tooPrecise
            ),
            (
                head + "once = 2030-01-01 00:00:00.123456789+07:00\n",
                "\(file):4:1: obligation \"a\": key \"once\": invalid date-time 2030-01-01T00:00:00.123456789+07:00"
                    + tooPrecise
            ),
            (
                head + "once = \"2030-01-01T00:00:00.1234567\"\n",
                "\(file):4:1: obligation \"a\": key \"once\": invalid date \"2030-01-01T00:00:00.1234567\" (expected "
                    + "YYYY-MM-DD or YYYY-MM-DDTHH:MM)" + tooPrecise
            ),
            (
                head + "every = \"1d\"\nstart = \"2030-01-01T08:00:00,12345678\"\n",
                "\(file):5:1: obligation \"a\": key \"start\": invalid date \"2030-01-01T08:00:00,12345678\" (expected "
                    + "YYYY-MM-DD or YYYY-MM-DDTHH:MM)" + tooPrecise
            ),
            (
                "[defaults]\nat = 08:00:00.1234567\n",
                "\(file):2:1: [defaults]: key \"at\": invalid time of day 08:00:00.1234567" + tooPrecise
            ),
            (
                "[defaults]\nat = \"08:00:00.123456789\"\n",
                "\(file):2:1: [defaults]: key \"at\": invalid time of day \"08:00:00.123456789\" (expected HH:MM or "
                    + "HH:MM:SS)" + tooPrecise
            ),
            (
                head + "once = 2030-06-30T23:59:60\n",
                "\(file):4:1: obligation \"a\": key \"once\": invalid date-time 2030-06-30T23:59:60"
            ),
            (
                head + "once = 2030-01-01\nexcept = [2030-01-01T00:00:00.0000001Z]\n",
                "\(file):5:1: obligation \"a\": key \"except\": invalid date-time 2030-01-01T00:00:00.0000001Z"
                    + tooPrecise
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
