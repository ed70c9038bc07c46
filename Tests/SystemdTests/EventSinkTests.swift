import Systemd
import Testing
import TicklerJournalSchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("The journal writer and the terminal writer of product events")
struct EventSinkTests {
    static let reminder = DaemonEvent(
        kind: .reminder,
        message: "in 7 days: Thư (due 2027-10-01 08:00 +07)",
        obligationID: "greeting-cn",
        due: "2027-10-01T08:00:00+07:00",
        lead: "7d",
        title: "Thư \u{1B}[31mđỏ"
    )

    @Test func theJournalEntryCarriesTheSchemaFieldsAtTheKindsPriority() {
        let entry = JournalEventSink().entry(for: Self.reminder)
        #expect(entry.message == Self.reminder.message)
        #expect(entry.priority == .notice)
        #expect(entry["PRIORITY"] == "5")
        #expect(entry["SYSLOG_IDENTIFIER"] == "ticklerd")
        #expect(entry["MESSAGE_ID"] == "e6b96e6c4b04453280eecc44e0bb39aa")
        #expect(entry["TICKLER_EVENT"] == "reminder")
        #expect(entry["TICKLER_OBLIGATION"] == "greeting-cn")
        #expect(entry["TICKLER_DUE"] == "2027-10-01T08:00:00+07:00")
        #expect(entry["TICKLER_LEAD"] == "7d")
        #expect(entry["TICKLER_TITLE"] == "Thư \u{1B}[31mđỏ", "the journal keeps the exact text")
        #expect(entry["CODE_FILE"] == "SystemdTests/EventSinkTests.swift")
        #expect(entry["CODE_LINE"] != nil && entry["CODE_FUNC"] != nil)
    }

    @Test("each kind at its own priority, with nothing in between to filter it", arguments: DaemonEventKind.allCases)
    func priorityPerKind(kind: DaemonEventKind) {
        let entry = JournalEventSink().entry(for: DaemonEvent(kind: kind, message: "m"))
        #expect(entry.priority == kind.priority)
        #expect(entry["MESSAGE_ID"] == kind.messageID)
        #expect(entry["TICKLER_EVENT"] == kind.name)
    }

    @Test func readingTheEntryBackGivesTheEvent() {
        let entry = JournalEventSink().entry(for: Self.reminder)
        let fields = Dictionary(uniqueKeysWithValues: entry.fields.map { ($0.name.rawValue, $0.value) })
        let record = JournalRecord(fields: fields, cursor: "s=1", realtimeMicroseconds: 0)
        #expect(record.event == Self.reminder)
        #expect(record.priority == .notice)
    }

    @Test func theTerminalLineIsStampedAndEscaped() {
        let sink = TerminalEventSink(timestamp: { "2027-09-24 08:00:00" })
        #expect(
            sink.line(for: Self.reminder)
                == #"2027-09-24 08:00:00 notice ticklerd: in 7 days: Thư (due 2027-10-01 08:00 +07) "#
                + #"TICKLER_EVENT=reminder TICKLER_OBLIGATION=greeting-cn TICKLER_DUE=2027-10-01T08:00:00+07:00 "#
                + #"TICKLER_LEAD=7d TICKLER_TITLE="Thư \u{1B}[31mđỏ""#
        )
        let failure = DaemonEvent(kind: .reloadFailed, message: "reload failed: a\nb")
        #expect(
            sink.line(for: failure)
                == #"2027-09-24 08:00:00 err ticklerd: reload failed: a\nb TICKLER_EVENT=reload-failed"#
        )
    }

    @Test func theTerminalSinkWritesWholeLinesToItsDescriptorEvenWhenItIsNoTerminal() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        let sink = TerminalEventSink(descriptor: descriptors[1], timestamp: { "2027-09-24 08:00:00" })
        sink.emit(DaemonEvent(kind: .started, message: "started"))
        sink.emit(DaemonEvent(kind: .stopping, message: "stopping"))
        close(descriptors[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptors[0], $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "2027-09-24 08:00:00 info ticklerd: started TICKLER_EVENT=started\n"
                + "2027-09-24 08:00:00 info ticklerd: stopping TICKLER_EVENT=stopping\n"
        )
    }

    @Test func theDefaultTimestampIsTheLocalTimeToTheSecond() {
        let line = TerminalEventSink().line(for: DaemonEvent(kind: .started, message: "s"))
        let stamp = line.prefix(19)
        #expect(stamp.count == 19)
        #expect(
            stamp.enumerated().allSatisfy { index, character in
                [4, 7].contains(index)
                    ? character == "-"
                    : index == 10 ? character == " " : [13, 16].contains(index) ? character == ":" : character.isNumber
            }
        )
    }
}
