public import Logging
import Systemd

/// Writes events through swift-log, with the Tickler fields as metadata.
///
/// With `JournalLogHandler` bootstrapped, each event is one structured journal entry (`TICKLER_EVENT`, `MESSAGE_ID`,
/// … become fields; the level becomes `PRIORITY`); on a terminal it is one readable stderr line.
public struct LogEventSink: EventSink {
    /// The logger events are written to.
    public let logger: Logger

    /// A sink writing to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func emit(_ event: DaemonEvent) {
        var metadata: Logger.Metadata = [:]
        for field in event.fields { metadata[field.name.rawValue] = .string(field.value) }
        logger.log(level: Self.level(for: event.kind.priority), "\(event.message)", metadata: metadata)
    }

    /// The swift-log level that `JournalLogHandler` turns back into `priority`.
    static func level(for priority: Priority) -> Logger.Level {
        switch priority {
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical, .alert, .emergency: .critical
        }
    }
}
