import Logging
import Systemd
import Testing
import TicklerDaemon

@Suite struct DaemonEventTests {
    @Test(
        "each kind has the brief's MESSAGE_ID and priority",
        arguments: [
            (DaemonEventKind.reminder, "reminder", "e6b96e6c4b04453280eecc44e0bb39aa", Priority.notice),
            (.due, "due", "f4e291e60b98407581fcb1e702e90334", .warning),
            (.overdue, "overdue", "5aafb26a11834a03ad1787cc342fc0d7", .error),
            (.reloaded, "reloaded", "22384202e98e4b2fa697542d80b8a09e", .info),
            (.reloadFailed, "reload-failed", "34cd325ee4054372bd579f345a53ecba", .error),
            (.started, "started", "06a01c068e364f58b33fb70dd5aaf78b", .info),
            (.stopping, "stopping", "0f1322fff8a04ce29177407843361b20", .info),
            (.stateError, "state-error", "31f5bf3a97344af2a1b4cef8a5433795", .error),
        ]
    )
    func kinds(kind: DaemonEventKind, name: String, messageID: String, priority: Priority) {
        #expect(kind.name == name)
        #expect(kind.messageID.hex == messageID)
        #expect(kind.priority == priority)
    }

    @Test func logSinkWritesTheFieldsAsMetadataAtThePrioritysLevel() throws {
        let captured = Recorder<CapturingLogHandler.Entry>()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(captured: captured) }
        let event = DaemonEvent(
            kind: .reminder,
            message: "in 7 days: Thư (due 2027-10-01 08:00 +07)",
            obligationID: "greeting-cn",
            due: "2027-10-01T08:00:00+07:00",
            lead: "7d",
            title: "Thư"
        )
        LogEventSink(logger: logger).emit(event)
        let entry = try #require(captured.elements.only)
        #expect(entry.level == .notice)
        #expect(Priority(entry.level) == .notice)
        #expect(entry.message == event.message)
        #expect(
            entry.metadata == [
                "TICKLER_EVENT": "reminder", "MESSAGE_ID": "e6b96e6c4b04453280eecc44e0bb39aa",
                "TICKLER_OBLIGATION": "greeting-cn", "TICKLER_DUE": "2027-10-01T08:00:00+07:00", "TICKLER_LEAD": "7d",
                "TICKLER_TITLE": "Thư",
            ]
        )
    }
}

/// Keeps what is logged, for inspection.
struct CapturingLogHandler: LogHandler {
    /// One log call.
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: Logger.Metadata
    }

    let captured: Recorder<Entry>
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        captured.append(Entry(level: event.level, message: "\(event.message)", metadata: event.metadata ?? [:]))
    }
}
