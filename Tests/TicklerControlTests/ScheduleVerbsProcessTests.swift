import Foundation
import Testing

/// `ticklerctl validate`, `list` and `upcoming` on real schedule files, run as the built executable.
@Suite(
    "ticklerctl schedule verbs as a process",
    .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built")
)
struct ScheduleVerbsProcessTests {
    /// A temporary schedule file with `text`; removed by the caller's `defer`.
    private func schedule(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString).toml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private let renewal = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"
        remind = ["30d", "7d"]
        overdue-every = "0"

        [[obligation]]
        id = "labour-agreement-van-son"
        title = "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn"
        partner = "Châu Văn Sơn, Vân Nam"
        every = "5y"
        start = "2014-12-15"
        at = "08:00"

        [[obligation]]
        id = "greetings-bach-sac"
        title = "Thư chúc mừng 百色市"
        once = "2027-01-20T09:30"
        """

    @Test func validateAcceptsTheSampleConfiguration() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Config")
        // A copy in a directory the service user could reach, so that the checkout's own location (a 0700 parent,
        // as mktemp makes) is not what validate reports on.
        let parent = URL(fileURLWithPath: "/tmp/tickler-sample-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path)
        let config = parent.appendingPathComponent("Config")
        try FileManager.default.copyItem(at: sample.standardized, to: config)
        let result = try TicklerctlProcess.run(["validate", "--config", config.path])
        #expect(result.status == 0)
        #expect(result.output.contains("obligations in 2 files, no errors\n"))
        // The sample notify.toml beside it is checked too (by tickler-notify, when it is built beside ticklerctl).
        #expect(
            result.output.hasSuffix("notify.toml: channels checked, no errors\n")
                || result.error.hasSuffix("notify.toml: warning: not checked (no tickler-notify found)\n")
        )
    }

    @Test func validateReportsEveryErrorWithItsPlaceAndExitsOne() throws {
        let file = try schedule(
            renewal.replacingOccurrences(of: "every = \"5y\"", with: "every = \"5q\"") + "\nbogus = 1\n"
        )
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TicklerctlProcess.run(["validate", "--config", file.path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines.first?.hasPrefix("\(file.path):10:1: obligation \"labour-agreement-van-son\": key \"every\"") == true
        )
        #expect(lines.first?.contains("\"5q\"") == true)
        #expect(lines.last == "ticklerctl: \(file.path): 2 errors, schedule not loaded")
    }

    @Test func listShowsTheNextDueDatesSoonestFirst() throws {
        let file = try schedule(renewal)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TicklerctlProcess.run(["list", "--config", file.path, "--after", "2026-11-29T00:00+07:00"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("NEXT DUE"))
        #expect(
            lines[1].split(separator: "  ", omittingEmptySubsequences: true).map {
                $0.trimmingCharacters(in: .whitespaces)
            } == [
                "2027-01-20 09:30 +07", "52 days 9 hours", "greetings-bach-sac", "once 2027-01-20 09:30",
                "Thư chúc mừng 百色市",
            ]
        )
        #expect(lines[2].hasPrefix("2029-12-15 08:00 +07  1112 days 8 hours  labour-agreement-van-son"))
        // Titles start in the same column whatever the width of the text before them.
        let titleColumns = lines.dropFirst().prefix(2).map { line in
            line.range(of: "Thư").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
                ?? line.range(of: "Gia hạn").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        }
        #expect(titleColumns[0] == titleColumns[1])
    }

    @Test func listJSONHasEveryFieldAndNullForAbsentOnes() throws {
        let file = try schedule(renewal)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TicklerctlProcess.run(["list", "--json", "--config", file.path, "--after", "2030-01-01"])
        #expect(result.status == 0)
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        )
        #expect(objects.count == 2)
        #expect(objects[0]["id"] as? String == "labour-agreement-van-son")
        #expect(objects[0]["next_due"] as? String == "2034-12-15T08:00:00+07:00")
        #expect(objects[0]["remind"] as? [String] == ["30d", "7d"])
        #expect(objects[0]["partner"] as? String == "Châu Văn Sơn, Vân Nam")
        #expect(objects[1]["next_due"] is NSNull)
        #expect(objects[1]["partner"] is NSNull)
    }

    @Test func upcomingListsTheEventsTheDaemonWillFireInOrder() throws {
        let file = try schedule(renewal)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TicklerctlProcess.run([
            "upcoming", "--json", "-n", "4", "--config", file.path, "--after", "2026-11-29T00:00+07:00",
        ])
        #expect(result.status == 0)
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        )
        #expect(
            objects.map { $0["fire_at"] as? String } == [
                "2026-12-21T09:30:00+07:00", "2027-01-13T09:30:00+07:00", "2027-01-20T09:30:00+07:00",
                "2029-11-15T08:00:00+07:00",
            ]
        )
        #expect(objects.map { $0["stage"] as? String } == ["remind-30d", "remind-7d", "due", "remind-30d"])
        #expect(objects[1]["message"] as? String == "in 7 days: Thư chúc mừng 百色市 (due 2027-01-20 09:30 +07)")
        #expect(objects[2]["lead"] is NSNull)
    }

    @Test func missingScheduleIsAnErrorNamingThePath() throws {
        let result = try TicklerctlProcess.run(["list", "--config", "/nonexistent/tickler"])
        #expect(result.status == 1)
        #expect(result.error.contains("/nonexistent/tickler"))
    }
}
