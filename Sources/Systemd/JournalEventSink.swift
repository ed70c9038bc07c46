public import TicklerJournalSchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes each product event straight to the journal with `sd_journal_sendv`, at its kind's own priority.
///
/// No logging library stands in between, so no log level can drop a reminder and every syslog priority (also
/// `alert` and `emerg`) can be written. An entry carries `MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`, `MESSAGE_ID`,
/// `CODE_FILE`/`CODE_LINE`/`CODE_FUNC` and the event's Tickler fields. When journald refuses the entry, the event is
/// written as a ``TerminalEventSink`` line to stderr, with the error, so it is not lost without a trace.
public struct JournalEventSink: EventSink {
    /// The `SYSLOG_IDENTIFIER` of every entry, `ticklerd`.
    public let identifier: String

    /// A writer whose entries carry `SYSLOG_IDENTIFIER=identifier`.
    public init(identifier: String = JournalSchema.syslogIdentifier) {
        self.identifier = identifier
    }

    public func emit(_ event: DaemonEvent) {
        do {
            try Journal.send(entry(for: event))
        } catch {
            let fallback = TerminalEventSink(descriptor: STDERR_FILENO, identifier: identifier)
            TerminalText.writeLine(
                fallback.line(for: event) + " JOURNAL_ERROR=" + TerminalText.quotedIfNeeded("\(error)"),
                to: STDERR_FILENO
            )
        }
    }

    /// The journal entry for `event`.
    public func entry(
        for event: DaemonEvent,
        file: String = #fileID,
        line: UInt = #line,
        function: String = #function
    )
        -> JournalEntry
    {
        var entry = JournalEntry(
            message: event.message,
            priority: event.priority,
            identifier: identifier,
            file: file,
            line: line,
            function: function
        )
        for (name, value) in event.fields {
            guard let name = try? JournalFieldName(name) else { continue }
            entry[name] = value
        }
        return entry
    }
}
