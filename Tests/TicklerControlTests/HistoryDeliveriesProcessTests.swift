import Foundation
import Testing
import TicklerControlProtocol
import TicklerTestKit

/// `ticklerctl history` shows where each event was delivered: tickler-notify's outcomes, read from journal files
/// (written by systemd-journal-remote), merged with the fake daemon's history.
@Suite(
    "ticklerctl history with delivery outcomes",
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd-journal-remote"),
        "no systemd-journal-remote (Tests/test-deps.sh)"
    )
)
struct HistoryDeliveriesProcessTests {
    /// 2027-01-28T01:00:00Z, the renewal's due instant, in microseconds.
    static let due: Int64 = 1_801_098_000_000_000

    /// Journal entries in export format: tickler-notify's outcomes for the renewal (and one of another obligation).
    static func export() -> String {
        let entries: [[(String, String)]] = [
            outcome(1, at: due - 3_000_000, event: "delivery-failed", channel: "chat", error: "HTTP 503"),
            outcome(2, at: due - 2_000_000, event: "delivered", channel: "chat"),
            outcome(3, at: due - 1_000_000, event: "delivered", channel: "chat", obligation: "other"),
        ]
        return entries.map { fields in fields.map { "\($0.0)=\($0.1)\n" }.joined() + "\n" }.joined()
    }

    /// One outcome entry as tickler-notify journals it.
    static func outcome(
        _ index: Int,
        at: Int64,
        event: String,
        channel: String,
        error: String? = nil,
        obligation: String = "renewal"
    ) -> [(String, String)] {
        var fields = [
            ("__CURSOR", "s=0;i=\(index)"), ("__REALTIME_TIMESTAMP", String(at)),
            ("__MONOTONIC_TIMESTAMP", String(index)),
            ("_BOOT_ID", "6b3c9d8f2a1e4c7b9d0e1f2a3b4c5d6e"), ("SYSLOG_IDENTIFIER", "tickler-notify"),
            ("TICKLER_EVENT", event), ("TICKLER_OBLIGATION", obligation), ("TICKLER_DUE", "2027-01-28T08:00:00+07:00"),
            ("TICKLER_STAGE", "remind-1d"), ("TICKLER_CHANNEL", channel), ("MESSAGE", "\(event) to \(channel)"),
        ]
        if let error { fields.append(("TICKLER_ERROR", error)) }
        return fields
    }

    /// Writes `export` into a journal file in `directory`/journal.
    static func writeJournal(_ export: String, in directory: TemporaryDirectory) throws -> String {
        let journal = directory.file("journal")
        try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
        let remote = Process()
        remote.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journal-remote")
        remote.arguments = ["-o", journal + "/remote.journal", "-"]
        let input = Pipe()
        remote.standardInput = input
        remote.standardError = FileHandle.nullDevice
        try remote.run()
        input.fileHandleForWriting.write(Data(export.utf8))
        try input.fileHandleForWriting.close()
        remote.waitUntilExit()
        return journal
    }

    @Test func deliveriesAreMergedInTimeOrderWithTheirChannels() async throws {
        let handler = FakeControlHandler { request, _ in
            guard request == .history(obligationID: "renewal") else {
                return .failure(ControlFailure(.invalidRequest, "unexpected"))
            }
            return .history([
                HistoryEntry(at: Self.due - 4_000_000, due: Self.due, event: "reminder", stage: "remind-1d"),
                HistoryEntry(at: Self.due - 500_000, due: Self.due, event: "acknowledged", user: "lan", note: "sent"),
            ])
        }
        let harness = try ControlServerHarness(handler: handler)
        defer { Task { await harness.stop() } }
        let journal = try Self.writeJournal(Self.export(), in: harness.directory)
        let arguments = ["history", "renewal", "--socket", harness.socketPath, "--journal-directory", journal]
        let json = try await TicklerctlProcess.runAside(arguments + ["--json"], environment: ["TZ": "UTC"])
        #expect(json.status == 0, "\(json.error)")
        #expect(json.error.isEmpty)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["event"] as? String } == ["reminder", "delivery-failed", "delivered", "acknowledged"])
        #expect(rows.map { $0["channel"] as? String } == [nil, "chat", "chat", nil])
        #expect(rows[1]["note"] as? String == "HTTP 503")
        #expect(rows[2]["stage"] as? String == "remind-1d")
        let table = try await TicklerctlProcess.runAside(arguments + ["--no-pager"], environment: ["TZ": "UTC"])
        #expect(table.status == 0, "\(table.error)")
        #expect(table.output.contains("delivered to chat (remind-1d)"))
        #expect(table.output.contains("delivery to chat failed (remind-1d)"))
        #expect(table.output.contains("4 entries listed."))
    }
}
