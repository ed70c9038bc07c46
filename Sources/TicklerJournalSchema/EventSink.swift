/// Where the daemon's product events (reminders, due and overdue entries, and its own events) go.
///
/// The journal writer (`JournalEventSink`) and the terminal writer (`TerminalEventSink`) in the Systemd module
/// implement it; tests record. Diagnostics do not come here: they go through swift-log.
public protocol EventSink: Sendable {
    /// Writes `event`; never throws (a sink that cannot write reports it its own way).
    func emit(_ event: DaemonEvent)
}
