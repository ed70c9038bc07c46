import Foundation
import Logging
import Systemd
import Testing

/// Entries sent to a real journald and read back with `journalctl -o json`; skipped where no journald runs.
@Suite(.enabled(if: Journal.isAvailable, "no journald here: \(Journal.socketPath) does not exist"))
struct JournaldTests {
    @Test func entryRoundTripsThroughJournald() throws {
        let marker = "t" + UUID().uuidString.lowercased().filter { $0 != "-" }
        var entry = JournalEntry(
            message: "in 7 days: Gửi thư chúc mừng\nQuốc khánh (due 2027-09-02 08:00 +07)",
            priority: .notice,
            messageID: try MessageID("e6b96e6c4b04453280eecc44e0bb39aa"),
            identifier: "tickler-test"
        )
        entry["TICKLER_TEST_MARKER"] = marker
        entry["TICKLER_TITLE"] = "Gửi thư chúc mừng\nQuốc khánh"
        try Journal.send(entry)

        let record = try #require(try readBack(marker: marker))
        #expect(record["MESSAGE"] == entry.message)
        #expect(record["PRIORITY"] == "5")
        #expect(record["MESSAGE_ID"] == "e6b96e6c4b04453280eecc44e0bb39aa")
        #expect(record["SYSLOG_IDENTIFIER"] == "tickler-test")
        #expect(record["TICKLER_TITLE"] == "Gửi thư chúc mừng\nQuốc khánh")
        #expect(record["CODE_FILE"] == "SystemdTests/JournaldTests.swift")
    }

    @Test func logHandlerWritesMetadataFields() throws {
        let marker = "t" + UUID().uuidString.lowercased().filter { $0 != "-" }
        let logger = Logger(label: "journald-test") { label in
            JournalLogHandler(label: label, identifier: "tickler-test", destination: .journal)
        }
        logger.warning("due now: Visa", metadata: ["tickler.test-marker": "\(marker)", "tickler.obligation": "visa"])

        let record = try #require(try readBack(marker: marker))
        #expect(record["MESSAGE"] == "due now: Visa")
        #expect(record["PRIORITY"] == "4")
        #expect(record["TICKLER_OBLIGATION"] == "visa")
        #expect(record["CODE_FUNC"] == "logHandlerWritesMetadataFields()")
    }

    /// The entry carrying `TICKLER_TEST_MARKER=marker`, as `journalctl -o json` prints it (string fields only).
    private func readBack(marker: String) throws -> [String: String]? {
        for _ in 0..<50 {
            _ = try run("/usr/bin/journalctl", ["--sync"])
            let output = try run("/usr/bin/journalctl", ["-o", "json", "--no-pager", "TICKLER_TEST_MARKER=\(marker)"])
            if let line = output.split(separator: "\n").first,
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            {
                return object.compactMapValues { $0 as? String }
            }
        }
        return nil
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
