import Foundation
import Testing
import TicklerCalendar
import TicklerSchedule

/// `ticklerctl calendar` previews what the daemon plans: for every recurrence kind and modifier, the instants the
/// built executable prints — for `--obligation ID` and for the same rule given as options — equal the due instants
/// the planner yields for the obligation of the schedule loaded in-process.
@Suite(
    "ticklerctl calendar previews the planner's due instants",
    .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built")
)
struct CalendarPreviewMatchesPlannerTests {
    /// One obligation of the schedule and the same rule as `ticklerctl calendar` options.
    struct Case: CustomTestStringConvertible, Sendable {
        /// The obligation's id.
        let id: String
        /// Its recurrence keys, as TOML lines.
        let toml: String
        /// The same rule as options of `ticklerctl calendar`.
        let options: [String]
        /// The `[defaults]` the rule takes (those its options leave out and it needs), as the preview names them.
        let defaultsUsed: String?

        var testDescription: String { id }
    }

    /// Every recurrence kind, with its parameters and modifiers; dates written as dates take the `at` of
    /// `[defaults]` (09:15), not the built-in 08:00, and times are read in its zone (Hanoi).
    static let cases: [Case] = [
        Case(
            id: "every",
            toml: "every = \"5y\"\nstart = \"2014-12-15\"",
            options: ["--every", "5y", "--start", "2014-12-15"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "every-months-until",
            toml: "every = \"1m\"\nstart = \"2026-01-31T17:45\"\nuntil = \"2026-09-30\"",
            options: ["--every", "1m", "--start", "2026-01-31T17:45", "--until", "2026-09-30"],
            defaultsUsed: "timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "once",
            toml: "once = \"2027-06-30\"\nalso = [\"2026-02-02\", \"2028-01-02T16:00\"]",
            options: ["--once", "2027-06-30", "--also", "2026-02-02,2028-01-02T16:00"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "rrule",
            toml: "rrule = \"FREQ=MONTHLY;BYDAY=-1FR\"\nstart = \"2026-01-01\"",
            options: ["--rrule", "FREQ=MONTHLY;BYDAY=-1FR", "--start", "2026-01-01"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "rrule-own-zone",
            toml: """
                rrule = "FREQ=WEEKLY;BYDAY=MO,TH"
                start = "2026-03-01T02:30"
                until = "2026-12-31"
                timezone = "Europe/Paris"
                at = "07:00"
                """,
            options: [
                "--rrule", "FREQ=WEEKLY;BYDAY=MO,TH", "--start", "2026-03-01T02:30", "--until", "2026-12-31", "--tz",
                "Europe/Paris", "--at", "07:00",
            ],
            defaultsUsed: nil
        ),
        Case(
            id: "on-calendar",
            toml: "on-calendar = \"Mon *-*-01..07 09:00\"\nstart = \"2026-03-01\"",
            options: ["--on-calendar", "Mon *-*-01..07 09:00", "--start", "2026-03-01"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "on-calendar-utc",
            toml: "on-calendar = \"Mon..Fri 23:30 UTC\"",
            options: ["--on-calendar", "Mon..Fri 23:30 UTC"],
            defaultsUsed: "timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "lunar",
            toml: "lunar = \"06-15\"\ncalendar = \"chinese\"\nleap = \"also\"",
            options: ["--lunar", "06-15", "--calendar", "chinese", "--leap", "also"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "lunar-end-of-year",
            toml: "lunar = \"12-30\"\nstart = \"2027-01-01\"\nuntil = \"2035-12-31\"",
            options: ["--lunar", "12-30", "--start", "2027-01-01", "--until", "2035-12-31"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "solar-term",
            toml: "solar-term = \"qingming\"\ncalendar = \"vietnamese\"",
            options: ["--solar-term", "qingming", "--calendar", "vietnamese"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "adjust",
            toml: """
                lunar = "12-20"
                adjust = "previous-workday"
                holidays = ["vn", "2027-01-26"]
                workdays = ["2028-01-15"]
                """,
            options: [
                "--lunar", "12-20", "--adjust", "previous-workday", "--holidays", "vn", "--holidays", "2027-01-26",
                "--workdays", "2028-01-15",
            ],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "adjust-next",
            toml: "every = \"1y\"\nstart = \"2026-05-01\"\nadjust = \"next-workday\"\nholidays = [\"vn\", \"cn\"]",
            options: ["--every", "1y", "--start", "2026-05-01", "--adjust", "next-workday", "--holidays", "vn,cn"],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
        Case(
            id: "except-also",
            toml: """
                every = "1w"
                start = "2026-01-05"
                except = ["2026-01-12", "2026-01-26T09:15"]
                also = ["2026-01-14", "2026-01-15T18:00:00+02:00"]
                """,
            options: [
                "--every", "1w", "--start", "2026-01-05", "--except", "2026-01-12", "--except", "2026-01-26T09:15",
                "--also", "2026-01-14", "--also", "2026-01-15T18:00:00+02:00",
            ],
            defaultsUsed: "at 09:15, timezone Asia/Ho_Chi_Minh"
        ),
    ]

    /// The preview starts strictly after this instant.
    static let after = "2026-01-01T00:00:00+07:00"
    /// How many due instants each comparison covers.
    static let count = 12

    /// A configuration directory holding the schedule of every case; removed by the caller.
    static func configuration() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var text = """
            [defaults]
            timezone = "Asia/Ho_Chi_Minh"
            at = "09:15"
            remind = ["7d", "1d"]
            overdue-every = "0"

            """
        for item in cases {
            text += "\n[[obligation]]\nid = \"\(item.id)\"\ntitle = \"Nghĩa vụ \(item.id)\"\n\(item.toml)\n"
        }
        try text.write(to: directory.appendingPathComponent("schedule.toml"), atomically: true, encoding: .utf8)
        return directory
    }

    /// The first `count` due instants the planner yields for `obligation` after `after`, in its zone.
    static func plannedDues(_ obligation: Obligation, after: Instant, count: Int) -> [String] {
        var planner = Planner(schedule: Schedule(obligations: [obligation]), after: after)
        var dues: [String] = []
        // Each due instant has at most three events (two reminders and the due notice; no overdue repeats).
        var budget = 4 * count
        while dues.count < count, budget > 0, let event = planner.popNext() {
            budget -= 1
            if event.stage == .due { dues.append(obligation.zone.zoned(event.due).description) }
        }
        return dues
    }

    @Test(arguments: cases)
    func previewEqualsThePlannersDueInstants(_ item: Case) throws {
        let directory = try Self.configuration()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = try ScheduleLoader().load(path: directory.path)
        let obligation = try #require(schedule[item.id])
        let after = try #require(ZonedDateTime(iso: Self.after)).instant
        let planned = Self.plannedDues(obligation, after: after, count: Self.count)
        #expect(!planned.isEmpty)
        // The recurrence yields the same instants as the planner, so both sides below are the daemon's.
        #expect(
            obligation.recurrence.occurrences(after: after, limit: Self.count).map {
                obligation.zone.zoned($0).description
            } == planned
        )
        let listing = ["--config", directory.path, "--after", Self.after, "-n", "\(Self.count)"]

        // The obligation as JSON, the same rule given as options as lines: both formats carry the same instants.
        let byID = try TicklerctlProcess.run(["calendar", "--obligation", item.id, "--json"] + listing)
        #expect(byID.status == 0)
        #expect(byID.error.isEmpty)
        #expect(try JSONDecoder().decode([String].self, from: Data(byID.output.utf8)) == planned)

        let byOptions = try TicklerctlProcess.run(["calendar"] + item.options + listing)
        #expect(byOptions.status == 0)
        #expect(byOptions.output.split(separator: "\n").map(String.init) == planned)
        let note = item.defaultsUsed.map { "ticklerctl: using [defaults] of \(directory.path): \($0)\n" }
        #expect(byOptions.error == (note ?? ""))
    }

    @Test func theObligationAsLinesAndTheRuleAsJSONWithoutANote() throws {
        let directory = try Self.configuration()
        defer { try? FileManager.default.removeItem(at: directory) }
        let listing = ["--config", directory.path, "--after", Self.after, "-n", "3"]
        let lines = try TicklerctlProcess.run(["calendar", "--obligation", "every"] + listing)
        #expect(lines.status == 0)
        #expect(lines.output == "2029-12-15T09:15:00+07:00\n2034-12-15T09:15:00+07:00\n2039-12-15T09:15:00+07:00\n")
        let json = try TicklerctlProcess.run(
            ["calendar", "--every", "5y", "--start", "2014-12-15", "--json"] + listing
        )
        #expect(json.status == 0)
        #expect(json.error.isEmpty)
        #expect(
            try JSONDecoder().decode([String].self, from: Data(json.output.utf8))
                == lines.output.split(separator: "\n").map(String.init)
        )
    }

    @Test func aRuleWithoutASchedulePreviewsWithTheBuiltInDefaults() throws {
        let missing = "/nonexistent/tickler-\(UUID().uuidString)"
        let result = try TicklerctlProcess.run([
            "calendar", "--every", "5y", "--start", "2014-12-15", "--tz", "Asia/Ho_Chi_Minh", "-n", "2", "--config",
            missing,
        ])
        #expect(result.status == 0)
        #expect(result.output == "2014-12-15T08:00:00+07:00\n2019-12-15T08:00:00+07:00\n")
        #expect(result.error == "ticklerctl: no schedule at \(missing); using built-in defaults: at 08:00 (built-in)\n")
    }

    @Test func aScheduleThatDoesNotLoadLeavesTheBuiltInDefaultsAndSaysSo() throws {
        let directory = try Self.configuration()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("schedule.toml")
        try (try String(contentsOf: file, encoding: .utf8) + "\nbogus = 1\n").write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let result = try TicklerctlProcess.run([
            "calendar", "--every", "5y", "--start", "2014-12-15", "--tz", "UTC", "-n", "1", "--config", directory.path,
        ])
        #expect(result.status == 0)
        #expect(result.output == "2014-12-15T08:00:00+00:00\n")
        #expect(
            result.error
                == "ticklerctl: \(directory.path) does not load (1 error, see ticklerctl validate); using built-in "
                + "defaults: at 08:00 (built-in)\n"
        )
        // An obligation of a schedule that does not load cannot be previewed: its errors, then the count.
        let byID = try TicklerctlProcess.run(["calendar", "--obligation", "every", "--config", directory.path])
        #expect(byID.status == 1)
        #expect(byID.output.isEmpty)
        #expect(byID.error.hasSuffix("ticklerctl: \(directory.path): 1 error, schedule not loaded\n"))
    }

    @Test func anUnknownObligationIsOneLineWithASuggestion() throws {
        let directory = try Self.configuration()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try TicklerctlProcess.run(["calendar", "--obligation", "adjust-nxt", "--config", directory.path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(
            result.error
                == "ticklerctl: --obligation: no obligation \"adjust-nxt\" in \(directory.path)/schedule.toml "
                + "(did you mean \"adjust-next\"?)\n"
        )
        let mixed = try TicklerctlProcess.run([
            "calendar", "--obligation", "every", "--every", "1d", "--config", directory.path,
        ])
        #expect(mixed.status == 1)
        #expect(mixed.error == "ticklerctl: --obligation: give an obligation or a rule, not both (--every given)\n")
    }
}
