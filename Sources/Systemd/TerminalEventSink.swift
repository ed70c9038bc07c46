public import TicklerJournalSchema

/// Writes each event as one readable, timestamped line: the event sink of the foreground mode, where there is no
/// journal (`Deploy/run-foreground.sh`), and the journal writer's fallback.
///
/// `2027-01-27 08:00:00 notice ticklerd: in 7 days: Thư (due …) TICKLER_EVENT=reminder TICKLER_OBLIGATION=…`:
/// the local time always (also when the output is a file or a pipe), the priority's name, the identifier, the
/// message, then the Tickler fields in schema order; control characters escaped, values with spaces quoted.
public struct TerminalEventSink: EventSink {
    /// The descriptor lines are written to.
    public let descriptor: Int32
    /// The program name each line names, `ticklerd`.
    public let identifier: String
    /// The timestamp of a line written now.
    private let timestamp: @Sendable () -> String

    /// A sink writing to `descriptor` (2, stderr, by default: one stream, in order, with the diagnostics), stamping
    /// lines with `timestamp` (by default the local time, `2027-01-27 08:00:00`).
    public init(
        descriptor: Int32 = 2,
        identifier: String = JournalSchema.syslogIdentifier,
        timestamp: (@Sendable () -> String)? = nil
    ) {
        self.descriptor = descriptor
        self.identifier = identifier
        self.timestamp = timestamp ?? { TerminalText.localTimestamp() }
    }

    public func emit(_ event: DaemonEvent) {
        TerminalText.writeLine(line(for: event), to: descriptor)
    }

    /// The line for `event`, stamped now.
    public func line(for event: DaemonEvent) -> String {
        var line = "\(timestamp()) \(event.priority.name) \(identifier): \(TerminalText.escaped(event.message))"
        for (name, value) in event.fields where name != JournalSchema.messageIDField {
            line += " \(name)=\(TerminalText.quotedIfNeeded(value))"
        }
        return line
    }
}
