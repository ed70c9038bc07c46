import Foundation
import Logging
import Systemd
import Testing
import TicklerJournalSchema

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

    @Test func eventsWrittenByTheJournalSinkAreReadBackByTheReader() throws {
        // A fresh identifier marks this run's entries.
        let identifier = "tickler-test-" + UUID().uuidString.lowercased().prefix(8)
        let sink = JournalEventSink(identifier: identifier)
        let reminder = DaemonEvent(
            kind: .reminder,
            message: "in 7 days: Gửi thư\nchúc mừng (due 2027-09-02 08:00 +07)",
            obligationID: "national-day",
            due: "2027-09-02T08:00:00+07:00",
            lead: "7d",
            title: "Gửi thư\nchúc mừng"
        )
        let started = DaemonEvent(kind: .started, message: "started: 1 obligation")
        sink.emit(started)
        sink.emit(reminder)

        let reader = try JournalReader()
        try reader.matchTicklerEvents([.reminder, .due], identifier: identifier)
        var records: [JournalRecord] = []
        for _ in 0..<50 where records.isEmpty {
            _ = try run("/usr/bin/journalctl", ["--sync"])
            try reader.seekHead()
            while let record = try reader.next() { records.append(record) }
        }
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.event == reminder)
        #expect(record.priority == .notice)
        #expect(record["SYSLOG_IDENTIFIER"] == identifier)
        #expect(record["MESSAGE_ID"] == "e6b96e6c4b04453280eecc44e0bb39aa")
        #expect(record["CODE_FILE"] == "Systemd/JournalEventSink.swift")

        // Every Tickler event of the identifier, in order; from a cursor on, only what follows it.
        reader.flushMatches()
        try reader.matchTicklerEvents(identifier: identifier)
        try reader.seekHead()
        var all: [DaemonEvent] = []
        var cursors: [String] = []
        while let next = try reader.next() {
            all.append(try #require(next.event))
            cursors.append(next.cursor)
        }
        #expect(all == [started, reminder])
        try reader.seek(after: try #require(cursors.first))
        #expect(try reader.next()?.event == reminder)
        #expect(try reader.next() == nil)
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
