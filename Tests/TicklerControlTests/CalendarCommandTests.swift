import ArgumentParser
import Foundation
import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerSchedule

@testable import TicklerControl

@Suite("ticklerctl calendar")
struct CalendarCommandTests {
    /// A fixed "now": 2026-11-29T00:00:00Z.
    static let now = Instant(secondsSinceEpoch: 1_795_910_400)

    /// The built-in defaults, in UTC as the system zone.
    static let builtIn = PreviewDefaults.builtIn(systemZone: .utc)

    /// Runs the command in-process with `defaults` and returns its output.
    static func output(_ arguments: [String], defaults: PreviewDefaults = builtIn) throws -> String {
        let command = try CalendarCommand.parse(arguments)
        var sink = ByteArraySink()
        try command.render(now: now, zones: ZoneDatabase.shared, defaults: defaults, to: &sink)
        return sink.text
    }

    /// The message of the error the command reports for `arguments`.
    static func failure(_ arguments: [String]) throws -> String? {
        let command = try CalendarCommand.parse(arguments)
        var sink = ByteArraySink()
        do {
            try command.render(now: now, zones: ZoneDatabase.shared, defaults: builtIn, to: &sink)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func rruleLinesCarryTheOffset() throws {
        let text = try Self.output([
            "--rrule", "FREQ=MONTHLY;BYDAY=-1FR", "--start", "2026-01-01T09:00", "--tz", "Asia/Ho_Chi_Minh", "-n", "3",
        ])
        #expect(text == "2026-01-30T09:00:00+07:00\n2026-02-27T09:00:00+07:00\n2026-03-27T09:00:00+07:00\n")
    }

    @Test func onCalendarStartsFromNowByDefault() throws {
        let text = try Self.output(["--on-calendar", "Mon *-*-01..07 09:00", "--tz", "Asia/Ho_Chi_Minh", "-n", "2"])
        #expect(text == "2026-12-07T09:00:00+07:00\n2027-01-04T09:00:00+07:00\n")
    }

    @Test func everyStartsFromItsStartByDefaultAtTheBuiltInTime() throws {
        // A start written as a date is due at `at`, 08:00 by default, as in a schedule.
        let text = try Self.output(["--every", "5y", "--start", "2014-12-15", "--tz", "Asia/Ho_Chi_Minh", "-n", "3"])
        #expect(text == "2014-12-15T08:00:00+07:00\n2019-12-15T08:00:00+07:00\n2024-12-15T08:00:00+07:00\n")
    }

    @Test func theScheduleDefaultsApplyWhenTheOptionsLeaveThemOut() throws {
        let defaults = PreviewDefaults(
            zone: try ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh"),
            zoneFromSchedule: true,
            time: TimeOfDay(hour: 9, minute: 30, second: 0)!,
            timeFromSchedule: true,
            origin: .schedule(path: "/etc/tickler")
        )
        let arguments = ["--every", "5y", "--start", "2014-12-15", "-n", "2"]
        #expect(
            try Self.output(arguments, defaults: defaults)
                == "2014-12-15T09:30:00+07:00\n2019-12-15T09:30:00+07:00\n"
        )
        // --tz and --at win over the defaults.
        #expect(
            try Self.output(arguments + ["--tz", "UTC", "--at", "07:00"], defaults: defaults)
                == "2014-12-15T07:00:00+00:00\n2019-12-15T07:00:00+00:00\n"
        )
        #expect(
            defaults.note(usedZone: true, usedTime: true)
                == "using [defaults] of /etc/tickler: at 09:30, timezone Asia/Ho_Chi_Minh"
        )
        #expect(defaults.note(usedZone: false, usedTime: false) == nil)
        let missing = PreviewDefaults.builtIn(systemZone: .utc, origin: .noSchedule(path: "/etc/tickler"))
        #expect(
            missing.note(usedZone: true, usedTime: true)
                == "no schedule at /etc/tickler; using built-in defaults: at 08:00 (built-in), timezone UTC "
                + "(system zone)"
        )
    }

    @Test func whichDefaultsAreNeeded() throws {
        func needs(_ arguments: [String]) throws -> [Bool] {
            let needed = try CalendarCommand.parse(arguments).neededDefaults()
            return [needed.zone, needed.time]
        }
        #expect(try needs(["--on-calendar", "daily", "--tz", "UTC"]) == [false, false])
        #expect(try needs(["--rrule", "FREQ=DAILY", "--start", "2027-01-01T09:00"]) == [true, false])
        #expect(try needs(["--every", "1d", "--start", "2027-01-01", "--tz", "UTC"]) == [false, true])
        #expect(try needs(["--every", "1d", "--start", "2027-01-01", "--at", "09:00"]) == [true, false])
        #expect(try needs(["--lunar", "01-01", "--tz", "UTC"]) == [false, true])
        #expect(try needs(["--once", "2027-06-30", "--tz", "UTC"]) == [false, true])
        #expect(try needs(["--once", "2027-06-30T10:00", "--tz", "UTC"]) == [false, false])
        #expect(
            try needs(["--on-calendar", "daily", "--tz", "UTC", "--also", "2027-06-30T10:00,2027-07-01"])
                == [false, true]
        )
    }

    @Test func onceShowsItsDateAndTheModifiersApply() throws {
        let once = try Self.output(["--once", "2020-06-30", "--also", "2020-07-01T10:00", "--tz", "UTC"])
        #expect(once == "2020-06-30T08:00:00+00:00\n2020-07-01T10:00:00+00:00\n")
        // 1 May and 30 April are Vietnamese holidays: in 2027 (a Saturday and a Friday) the 29th is the working day
        // before, in 2028 (a Monday and a Sunday) the 28th.
        let adjusted = try Self.output([
            "--every", "1y", "--start", "2026-05-01", "--adjust", "previous-workday", "--holidays", "vn",
            "--tz", "Asia/Ho_Chi_Minh", "-n", "2",
        ])
        #expect(adjusted == "2027-04-29T08:00:00+07:00\n2028-04-28T08:00:00+07:00\n")
    }

    @Test func afterIsStrictAndReadInTheZoneWithoutAnOffset() throws {
        let base = ["--every", "1d", "--start", "2027-01-01T08:00", "--tz", "Asia/Ho_Chi_Minh", "-n", "1"]
        #expect(try Self.output(base + ["--after", "2027-01-05T08:00"]) == "2027-01-06T08:00:00+07:00\n")
        #expect(try Self.output(base + ["--after", "2027-01-05T07:59"]) == "2027-01-05T08:00:00+07:00\n")
        // 2027-01-05T01:00Z is 08:00 in Hanoi: strictly after it is the 6th.
        #expect(try Self.output(base + ["--after", "2027-01-05T01:00:00Z"]) == "2027-01-06T08:00:00+07:00\n")
        #expect(try Self.output(base + ["--after", "2027-01-05T08:00:00+08:00"]) == "2027-01-05T08:00:00+07:00\n")
        let earlier = ["--every", "1d", "--start", "2026-01-01T08:00", "--tz", "Asia/Ho_Chi_Minh", "-n", "1"]
        #expect(try Self.output(earlier + ["--after", "now"]) == "2026-11-29T08:00:00+07:00\n")
    }

    @Test func jsonIsAnArrayOfTheSameStrings() throws {
        let arguments = ["--on-calendar", "*-02~03", "--tz", "UTC", "--after", "2024-01-01", "-n", "2"]
        let json = try Self.output(arguments + ["--json"])
        #expect(json == "[\n  \"2024-02-27T00:00:00+00:00\",\n  \"2025-02-26T00:00:00+00:00\"\n]\n")
        let decoded = try JSONDecoder().decode([String].self, from: Data(json.utf8))
        #expect(decoded.map { $0 + "\n" }.joined() == (try Self.output(arguments)))
        #expect(try Self.output(arguments + ["--json", "-n", "0"]) == "[]\n")
    }

    @Test func countDefaultsToTen() throws {
        let text = try Self.output(["--every", "1w", "--start", "2027-01-01", "--tz", "UTC"])
        #expect(text.split(separator: "\n").count == 10)
    }

    @Test func untilStopsTheList() throws {
        let text = try Self.output([
            "--every", "1m", "--start", "2027-01-31T08:00", "--until", "2027-04-30T08:00", "--tz", "UTC",
        ])
        #expect(
            text == "2027-01-31T08:00:00+00:00\n2027-02-28T08:00:00+00:00\n2027-03-31T08:00:00+00:00\n"
                + "2027-04-30T08:00:00+00:00\n"
        )
    }

    @Test func fractionsAndOddOffsetsAreWritten() throws {
        let text = try Self.output([
            "--on-calendar", "*:*:0/0.5", "--tz", "UTC", "--after", "2027-01-01T00:00:00Z", "-n", "2",
        ])
        #expect(text == "2027-01-01T00:00:00.500000+00:00\n2027-01-01T00:00:01+00:00\n")
        // Before 1912 Paris kept its mean time, 9 minutes 21 seconds ahead of UTC.
        let paris = try Self.output(["--every", "1d", "--start", "1900-01-01T12:00", "--tz", "Europe/Paris", "-n", "1"])
        #expect(paris == "1900-01-01T12:00:00+00:09:21\n")
    }

    @Test func lunarAndSolarTermRules() throws {
        // Tết 2030 falls on 2 February in Vietnam and 3 February in China.
        let vietnamese = try Self.output([
            "--lunar", "01-01", "--after", "2030-01-01", "--tz", "Asia/Ho_Chi_Minh", "-n", "1",
        ])
        let chinese = try Self.output([
            "--lunar", "01-01", "--calendar", "chinese", "--after", "2030-01-01", "--tz", "Asia/Shanghai", "-n", "1",
            "--at", "08:00",
        ])
        #expect(vietnamese == "2030-02-02T08:00:00+07:00\n")
        #expect(chinese == "2030-02-03T08:00:00+08:00\n")
        let qingming = try Self.output([
            "--solar-term", "qingming", "--after", "2027-01-01", "--tz", "Asia/Ho_Chi_Minh", "-n", "1",
        ])
        #expect(qingming == "2027-04-05T08:00:00+07:00\n")
    }

    static let errors: [([String], String)] = [
        (["--rrule", "FREQ=MONTHLY;BYMONTH=13", "--start", "2026-01-01"], "--rrule: BYMONTH=13: month must be 1…12"),
        (["--on-calendar", "*-*-* 25:00"], "--on-calendar: 25: hour must be 0…23"),
        (
            ["--every", "5x", "--start", "2027-01-01"],
            "--every: invalid duration \"5x\": unknown unit \"x\" (expected s, min, h, d, w, m or y)"
        ),
        (["--every", "1d"], "--every: needs --start, the first due date (a date or a local date-time)"),
        (["--rrule", "FREQ=DAILY"], "--rrule: needs --start, the first due date (a date or a local date-time)"),
        ([], "give a rule: --every, --once, --rrule, --on-calendar, --lunar or --solar-term, or --obligation ID"),
        (
            ["--once", "2027-06-30", "--start", "2027-01-01"],
            "--start: not valid with --once (only with --every, --rrule, --on-calendar, --lunar, --solar-term)"
        ),
        (["--every", "1d", "--start", "2027-01-01", "--holidays", "vn"], "--holidays: has no effect without --adjust"),
        (["--once", "2027-02-30"], "--once: invalid date \"2027-02-30\" (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
        (
            ["--every", "1d", "--start", "2027-01-01", "--until", "2026-01-01"],
            "--until: 2026-01-01 is before start 2027-01-01 08:00"
        ),
        (["--every", "1d", "--on-calendar", "daily"], "give only one rule, not --on-calendar and --every"),
        (
            ["--every", "1d", "--start", "2027-13-01"],
            "--start: 2027-13-01: expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00"
        ),
        (
            ["--on-calendar", "daily", "--after", "tomorrow"],
            "--after: tomorrow: expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00"
        ),
        (
            ["--on-calendar", "daily", "--tz", "Mars/Olympus"],
            "--tz: unknown time zone \"Mars/Olympus\" (expected an IANA name such as Asia/Ho_Chi_Minh; see timedatectl list-timezones)"
        ),
        (["--on-calendar", "daily", "--count=-1"], "--count: must not be negative"),
        (
            ["--lunar", "01-01", "--calendar", "martian"],
            "--calendar: bad calendar \"martian\": expected \"vietnamese\" or \"chinese\""
        ),
        (["--lunar", "01-01", "--at", "25:00"], "--at: 25:00: expected a time of day such as 08:00"),
    ]

    @Test(arguments: errors)
    func errorsNameTheOptionAndTheBadPart(_ arguments: [String], _ message: String) throws {
        #expect(try Self.failure(arguments) == message)
    }
}
