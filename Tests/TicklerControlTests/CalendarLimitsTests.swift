import Testing
import TicklerCalendar

@testable import TicklerControl

/// `ticklerctl calendar` on the inputs that trapped (issue 8): each ends in a clean answer, with the loader's limits.
@Suite("ticklerctl calendar at the limits")
struct CalendarLimitsTests {
    @Test(
        "periods past the limits are refused as the loader refuses them",
        arguments: [
            ["--every", "999999999d"], ["--every", "999999999min"], ["--every", "1000y", "-n", "300"],
        ]
    )
    func tooLongPeriods(arguments: [String]) throws {
        let message = try CalendarCommandTests.failure(arguments + ["--start", "2020-01-01", "--tz", "UTC"])
        #expect(message == "--every: invalid duration \"\(arguments[1])\": \(Limits.longestPeriodText)")
    }

    @Test(
        "--every stops at the end of year 9999",
        arguments: [
            (["--every", "3y", "-n", "100000", "--start", "2020-01-01"], 2660, "9997-01-01T00:00:00+00:00"),
            (["--every", "999999999s", "--start", "9248-01-27", "-n", "10000"], 24, "9976-11-29T16:52:57+00:00"),
            (["--every", "6174m", "--start", "2020-01-01", "-n", "2000"], 16, "9737-07-01T00:00:00+00:00"),
            (["--every", "1d", "--start", "9999-12-30T12:00", "-n", "5"], 2, "9999-12-31T12:00:00+00:00"),
        ]
    )
    func everyEndsAtYear9999(arguments: [String], count: Int, last: String) throws {
        let lines = try CalendarCommandTests.output(arguments + ["--tz", "UTC", "--at", "00:00"]).split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.last.map(String.init) == last)
    }

    @Test("a start with 7 to 9 fractional digits is read (it trapped)")
    func fractionalStart() throws {
        let text = try CalendarCommandTests.output([
            "--every", "1d", "--start", "2030-01-01T00:00:00.1234567", "--tz", "UTC", "-n", "1",
        ])
        #expect(text == "2030-01-01T00:00:00.123456+00:00\n")
    }

    @Test(
        "counts and years past the limits are named",
        arguments: [
            (["--every", "1d", "--start", "2020-01-01", "-n", "1000000000"], "--count: must be at most 999,999,999"),
            (
                ["--rrule", "FREQ=DAILY;COUNT=1000000000", "--start", "2020-01-01"],
                "--rrule: COUNT=1000000000: COUNT must be at most 999,999,999"
            ),
            (
                ["--every", "1d", "--start", "0000-01-01"],
                "--start: 0000-01-01: expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00"
            ),
        ]
    )
    func limitsAreNamed(arguments: [String], message: String) throws {
        #expect(try CalendarCommandTests.failure(arguments + ["--tz", "UTC"]) == message)
    }

    @Test(
        "every rule ends cleanly when listed from the last day of 9999",
        arguments: [
            ["--rrule", "FREQ=SECONDLY;INTERVAL=999999999", "--start", "2020-01-01"],
            ["--rrule", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", "--start", "9999-01-01"],
            ["--on-calendar", "*-*-* 00:00:00"], ["--lunar", "12-30"], ["--solar-term", "dongzhi"],
            ["--every", "1s", "--start", "2020-01-01"],
        ]
    )
    func fromTheLastDay(arguments: [String]) throws {
        let text = try CalendarCommandTests.output(
            arguments + ["--after", "9999-12-31T23:59:58", "--tz", "America/New_York", "-n", "5"]
        )
        for line in text.split(separator: "\n") { #expect(line.hasPrefix("9999-12-31T23:59:59")) }
    }
}
