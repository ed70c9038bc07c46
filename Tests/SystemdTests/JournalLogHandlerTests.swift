import Logging
import Systemd
import Testing
import TicklerJournalSchema

@Suite struct JournalLogHandlerTests {
    private func event(
        _ level: Logger.Level,
        _ message: Logger.Message,
        metadata: Logger.Metadata? = nil,
        error: (any Error)? = nil
    ) -> LogEvent {
        LogEvent(
            level: level,
            message: message,
            error: error,
            metadata: metadata,
            source: "TicklerDaemon",
            file: "TicklerDaemon/Firing.swift",
            function: "fire(_:)",
            line: 17
        )
    }

    @Test func metadataBecomesJournalFields() {
        let handler = JournalLogHandler(label: "tickler", identifier: "ticklerd", destination: .journal)
        let metadata: Logger.Metadata = [
            "tickler.obligation": "visa-renewal",
            "TICKLER_EVENT": "reminder",
            "MESSAGE_ID": "e6b96e6c4b04453280eecc44e0bb39aa",
            "message": "must not replace MESSAGE",
            "priority": "0",
            "count": .stringConvertible(3),
        ]
        let entry = handler.entry(for: event(.notice, "in 7 days: Visa", metadata: metadata))
        #expect(entry.message == "in 7 days: Visa")
        #expect(entry[.priority] == "5")
        #expect(entry[.syslogIdentifier] == "ticklerd")
        #expect(entry[.codeFile] == "TicklerDaemon/Firing.swift")
        #expect(entry[.codeLine] == "17")
        #expect(entry[.codeFunction] == "fire(_:)")
        #expect(entry["TICKLER_OBLIGATION"] == "visa-renewal")
        #expect(entry["TICKLER_EVENT"] == "reminder")
        #expect(entry[.messageID] == "e6b96e6c4b04453280eecc44e0bb39aa")
        #expect(entry["COUNT"] == "3")
        #expect(entry.fields.filter { $0.name == .message }.count == 1)
    }

    @Test(arguments: [
        (Logger.Level.trace, Priority.debug), (.debug, .debug), (.info, .info), (.notice, .notice),
        (.warning, .warning), (.error, .error), (.critical, .critical),
    ])
    func levelBecomesPriority(level: Logger.Level, priority: Priority) {
        let handler = JournalLogHandler(label: "t", identifier: "ticklerd", destination: .journal)
        #expect(handler.entry(for: event(level, "x"))[.priority] == String(priority.rawValue))
    }

    @Test func errorBecomesAField() {
        struct Broken: Error, CustomStringConvertible { var description: String { "state.sqlite is locked" } }
        let handler = JournalLogHandler(label: "t", identifier: "ticklerd", destination: .journal)
        let entry = handler.entry(for: event(.error, "cannot save", error: Broken()))
        #expect(entry["ERROR"] == "state.sqlite is locked")
    }

    @Test func standardErrorLineIsReadable() {
        let metadata: Logger.Metadata = ["tickler.obligation": "visa", "tickler.title": "Gia hạn visa\n2027"]
        let handler = JournalLogHandler(
            label: "t",
            identifier: "ticklerd",
            destination: .standardError(timestamps: false)
        )
        let line = handler.line(for: event(.warning, "due now: Gia hạn visa", metadata: metadata), timestamp: nil)
        #expect(
            line
                == #"warning ticklerd: due now: Gia hạn visa tickler.obligation=visa tickler.title="Gia hạn visa\n2027""#
        )
    }

    @Test func standardErrorLineWithTimestampAndEscapes() {
        let handler = JournalLogHandler(
            label: "t",
            identifier: "ticklerd",
            destination: .standardError(timestamps: true)
        )
        let metadata: Logger.Metadata = ["q": "say \"hi\"", "empty": ""]
        let line = handler.line(for: event(.info, "two\nlines", metadata: metadata), timestamp: "2026-11-29 07:00:00")
        #expect(line == #"2026-11-29 07:00:00 info ticklerd: two\nlines empty="" q="say \"hi\"""#)
    }

    @Test func providerThenHandlerThenEventMetadata() {
        var handler = JournalLogHandler(
            label: "t",
            identifier: "ticklerd",
            destination: .journal,
            metadataProvider: Logger.MetadataProvider { ["a": "provider", "b": "provider", "c": "provider"] }
        )
        handler[metadataKey: "b"] = "handler"
        handler[metadataKey: "c"] = "handler"
        let entry = handler.entry(for: event(.info, "x", metadata: ["c": "event"]))
        #expect(entry["A"] == "provider")
        #expect(entry["B"] == "handler")
        #expect(entry["C"] == "event")
        #expect(
            handler.line(for: event(.info, "x", metadata: ["c": "event"]), timestamp: nil)
                == "info ticklerd: x a=provider b=handler c=event"
        )
    }
}

@Suite struct LogDestinationTests {
    @Test(arguments: [
        // socket, terminal, stderr is journal stream, started by systemd → expected
        (true, false, true, true, LogDestination.journal),
        (true, false, true, false, .journal),
        (true, false, false, true, .journal),
        (true, true, false, true, .standardError(timestamps: true)),
        (true, true, false, false, .standardError(timestamps: true)),
        // Run by hand with stderr to a file or a pipe: foreground lines still carry their time.
        (true, false, false, false, .standardError(timestamps: true)),
        (false, false, true, true, .standardError(timestamps: false)),
        (false, true, false, false, .standardError(timestamps: true)),
    ])
    func choice(socket: Bool, terminal: Bool, stream: Bool, started: Bool, expected: LogDestination) {
        let surroundings = LogDestination.Surroundings(
            journalSocketExists: socket,
            standardErrorIsTerminal: terminal,
            standardErrorIsJournalStream: stream,
            startedByServiceManager: started
        )
        #expect(LogDestination.choose(for: surroundings) == expected)
    }
}
