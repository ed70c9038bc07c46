import Foundation
import Testing
import TicklerJournalSchema
import TicklerNotify
import TicklerTestKit

/// The mail channel through the machine's real MTA (Debian's exim4 behind /usr/sbin/sendmail), read back from the
/// local mailbox with Python's email package.
@Suite(
    .serialized,
    .timeLimit(.minutes(1)),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/exim4"), "no exim4 (Tests/test-deps.sh)")
)
struct MailDeliveryTests {
    /// The mailboxes root's mail may land in: Debian's exim4 delivers it to /var/mail/mail unless aliased.
    static let mailboxes = ["/var/mail/mail", "/var/mail/root"]

    /// The message with `messageID` in a local mailbox, decoded, or nil.
    static func message(_ messageID: String) -> [String: String]? {
        for mailbox in mailboxes {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [
                NotifyFixtures.root.appendingPathComponent("Tests/Notify/read-mailbox.py").path, mailbox, messageID,
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            guard (try? process.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if let found = (try? JSONSerialization.jsonObject(with: data)) as? [String: String], !found.isEmpty {
                return found
            }
        }
        return nil
    }

    @Test func aVietnameseReminderArrivesWithItsHeadersAndBody() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = try NotifyFixtures.configuration(
            """
            [channel.office-mail]
            kind = "mail"
            to = ["root"]
            from = "Phòng Đối ngoại <tickler@localhost>"
            language = "vi"
            """
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let sink = RecordingSink()
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: sink)
        // A unique obligation, so that the key (and the Message-ID) is this run's own.
        let id = "mail-test-\(UInt64.random(in: 0...UInt64.max))"
        let event = NotifyFixtures.event(id, kind: "reminder", channels: ["office-mail"])
        try await log.enqueue([event], cursor: nil, now: NotifyFixtures.now())
        #expect(try await dispatcher.dispatch(now: NotifyFixtures.now()) == 1)
        #expect(sink.events.elements.map(\.kind) == [.delivered], "\(sink.events.elements)")
        let messageID = "<\(event.key(channel: "office-mail").hex)@tickler-notify>"
        var found: [String: String]?
        _ = NotifyFixtures.eventually(seconds: 20) {
            found = Self.message(messageID)
            return found != nil
        }
        let message = try #require(found, "no message \(messageID) in \(Self.mailboxes)")
        #expect(
            message["subject"]
                == "Nhắc việc (trước 7d): Thư chúc mừng Quốc khánh Trung Quốc, hạn 2027-10-01 08:00 +07:00"
        )
        #expect(message["from"] == "Phòng Đối ngoại <tickler@localhost>")
        #expect(message["content_type"] == "text/plain; charset=utf-8")
        let body = try #require(message["body"])
        #expect(body.contains("Sắp đến hạn (nhắc trước 7d): Thư chúc mừng Quốc khánh Trung Quốc"))
        #expect(body.contains("Đối tác:    Sở Ngoại vụ Vân Nam"))
        #expect(body.contains("ticklerctl ack \(id) --due 2027-10-01T08:00:00+07:00"))
    }
}
