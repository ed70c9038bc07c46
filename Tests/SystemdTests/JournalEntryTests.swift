import Systemd
import Testing
import TicklerJournalSchema

@Suite struct JournalEntryTests {
    @Test func standardFieldsInOrder() throws {
        let id = try MessageID("e6b96e6c4b04453280eecc44e0bb39aa")
        let entry = JournalEntry(
            message: "in 7 days: Gia hạn thỏa thuận",
            priority: .notice,
            messageID: id,
            identifier: "ticklerd",
            file: "TicklerDaemon/Firing.swift",
            line: 42,
            function: "fire()"
        )
        #expect(
            entry.fields.map(\.name.rawValue) == [
                "MESSAGE", "PRIORITY", "MESSAGE_ID", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
            ]
        )
        #expect(entry[.priority] == "5")
        #expect(entry.priority == .notice)
        #expect(entry[.messageID] == "e6b96e6c4b04453280eecc44e0bb39aa")
        #expect(entry[.codeLine] == "42")
        #expect(entry.message == "in 7 days: Gia hạn thỏa thuận")
    }

    @Test func settingReplacesInPlaceAndNilRemoves() {
        var entry = JournalEntry(message: "m", priority: .info, file: "F", line: 1, function: "f")
        entry["TICKLER_EVENT"] = "reminder"
        entry[.message] = "changed"
        #expect(entry.fields.first == JournalField(.message, "changed"))
        #expect(entry.fields.last == JournalField("TICKLER_EVENT", "reminder"))
        entry["TICKLER_EVENT"] = nil
        #expect(entry["TICKLER_EVENT"] == nil)
        #expect(entry.fields.count == 5)
    }

    @Test func payloadsAreNameEqualsRawUTF8WithNewlinesKept() {
        var entry = JournalEntry()
        entry["TICKLER_TITLE"] = "Gửi thư chúc mừng\nQuốc khánh"
        #expect(entry.payloads == [Array("TICKLER_TITLE=Gửi thư chúc mừng\nQuốc khánh".utf8)])
    }
}
