import Foundation
import Testing
import TicklerCalendar
import TicklerSchedule
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#endif

/// The loader on the inputs of issue 8 that trapped, hung or were skipped: each ends in a clean answer.
@Suite("ScheduleLoader at the limits")
struct LoaderLimitsTests {
    private func obligation(_ recurrence: String) -> String {
        "[[obligation]]\nid = \"a\"\ntitle = \"a\"\n\(recurrence)\n"
    }

    private func problems(_ path: String) -> [String] {
        do {
            _ = try TestSupport.loader.load(path: path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(
        "`once` with 7 to 9 fractional digits loads (it trapped)",
        arguments: [
            "2030-01-01T00:00:00.1234567", "2030-01-01T00:00:00.12345678", "2030-01-01T00:00:00.123456789",
        ]
    )
    func fractionalOnce(text: String) throws {
        let schedule = try TestSupport.load(obligation("once = \"\(text)\""))
        let due = schedule.obligations[0].nextDue(after: TestSupport.instant("2029-01-01T00:00:00Z"))
        #expect(due == TestSupport.instant("2030-01-01T00:00:00.123456Z"))
    }

    @Test(
        "limits are reported as limits",
        arguments: [
            (
                "every = \"1234567890d\"\nstart = 2020-01-01",
                "key \"every\": invalid duration \"1234567890d\": the number must be at most 999,999,999"
            ),
            (
                "every = \"998y\"\nstart = 2020-01-01",
                "key \"every\": invalid duration \"998y\": \(Limits.longestPeriodText)"
            ),
            (
                "rrule = \"FREQ=DAILY;COUNT=1000000000\"\nstart = 2020-01-01",
                "key \"rrule\": COUNT=1000000000: COUNT must be at most 999,999,999"
            ),
            (
                "once = \"0000-06-30\"",
                "key \"once\": invalid date \"0000-06-30\" (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
            ),
        ]
    )
    func limitsAreNamed(recurrence: String, message: String) {
        #expect(
            TestSupport.problems(obligation(recurrence)) == ["\(TestSupport.path):4:1: obligation \"a\": \(message)"]
        )
    }

    @Test("upcoming on `every = \"6174m\"` ends at year 9999 instead of trapping")
    func upcomingEndsAtYear9999() throws {
        let schedule = try TestSupport.load(obligation("every = \"6174m\"\nstart = 2020-01-01\nremind = [\"365000d\"]"))
        let events = Planner(schedule: schedule, after: TestSupport.instant("2020-01-01T00:00:00Z"))
            .upcoming(limit: 20_000)
        #expect(!events.isEmpty)
        #expect(events.count < 20_000)
        let last = try #require(events.last)
        #expect(ZoneRules.utc.localDateTime(at: last.fireAt).date.year == 9737)
        #expect(events.allSatisfy { $0.due <= Limits.instants.upperBound })
    }

    @Test("--config on a device or a FIFO is refused without reading or blocking")
    func specialFiles() throws {
        #expect(
            problems("/dev/zero") == [
                "/dev/zero: not a regular file (a character device); a schedule must be a regular file"
            ]
        )
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.path + "/fifo.toml"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(problems(fifo) == ["\(fifo): not a regular file (a FIFO); a schedule must be a regular file"])
    }

    @Test("a directory, a device or a dangling link in schedule.d is an error naming its path")
    func dropInsThatAreNoFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(obligation("once = 2027-01-01"), to: "schedule.toml")
        try FileManager.default.createDirectory(
            atPath: directory.path + "/schedule.d/60-dir.toml",
            withIntermediateDirectories: true
        )
        #expect(symlink("/dev/null", directory.path + "/schedule.d/70-null.toml") == 0)
        #expect(symlink(directory.path + "/missing", directory.path + "/schedule.d/80-dangling.toml") == 0)
        let dropIns = directory.path + "/schedule.d"
        #expect(
            problems(directory.path) == [
                "\(dropIns)/60-dir.toml: not a regular file (a directory); a schedule must be a regular file",
                "\(dropIns)/70-null.toml: not a regular file (a character device); a schedule must be a regular file",
                "\(dropIns)/80-dangling.toml: cannot read the file: No such file or directory",
            ]
        )
    }

    @Test("schedule.toml that is a directory, and schedule.d that is a file, are errors")
    func mainAndDropInDirectoryOfTheWrongKind() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.path + "/schedule.toml",
            withIntermediateDirectories: true
        )
        #expect(
            problems(directory.path) == [
                "\(directory.path)/schedule.toml: not a regular file (a directory); a schedule must be a regular file"
            ]
        )
        try FileManager.default.removeItem(atPath: directory.path + "/schedule.toml")
        try directory.write("not a directory", to: "schedule.d")
        #expect(
            problems(directory.path) == [
                "\(directory.path)/schedule.d: not a directory; drop-ins go in a directory schedule.d"
            ]
        )
    }

    @Test("a file over 256 MiB is refused without reading it")
    func tooLarge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("", to: "schedule.toml")
        #expect(truncate(file, 256 << 20 + 1) == 0)
        #expect(problems(file) == ["\(file): the file is larger than 256 MiB, the most a schedule may be"])
    }
}
