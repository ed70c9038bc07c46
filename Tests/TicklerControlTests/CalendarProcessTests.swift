import Foundation
import Testing

/// Runs the built `ticklerctl` executable, found beside the test bundle (skipped when it was not built).
@Suite("ticklerctl calendar as a process", .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built"))
struct CalendarProcessTests {
    @Test func printsOccurrencesAndExitsZero() throws {
        let result = try TicklerctlProcess.run([
            "calendar", "--on-calendar", "Mon *-*-01..07 09:00", "--tz", "Asia/Ho_Chi_Minh", "--after", "2026-01-01",
            "-n", "2",
        ])
        #expect(result.status == 0)
        #expect(result.output == "2026-01-05T09:00:00+07:00\n2026-02-02T09:00:00+07:00\n")
        #expect(result.error.isEmpty)
    }

    @Test func invalidRuleIsOneLineAndStatusOne() throws {
        let result = try TicklerctlProcess.run(["calendar", "--on-calendar", "*-*-* 25:00"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error == "ticklerctl: --on-calendar: 25: hour must be 0…23\n")
    }

    @Test func largeOutputIsComplete() throws {
        let result = try TicklerctlProcess.run([
            "calendar", "--every", "1d", "--start", "2020-01-01", "--tz", "UTC", "-n", "20000",
        ])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 20000)
        #expect(lines.last == "2074-10-03T08:00:00+00:00")
    }

    @Test func unknownOptionIsOneLineAndStatusOne() throws {
        let result = try TicklerctlProcess.run(["calendar", "--bogus"])
        #expect(result.status == 1)
        #expect(result.error == "ticklerctl: Unknown option '--bogus'\n")
        let count = try TicklerctlProcess.run(["calendar", "--every", "1d", "--start", "2027-01-01", "-n", "many"])
        #expect(count.status == 1)
        #expect(count.error.hasPrefix("ticklerctl: ") && count.error.hasSuffix("\n"))
        #expect(count.error.filter { $0 == "\n" }.count == 1)
    }

    @Test func helpExitsZero() throws {
        let result = try TicklerctlProcess.run(["calendar", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Examples:"))
    }
}
