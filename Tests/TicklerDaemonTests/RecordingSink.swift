import TicklerDaemon
import TicklerJournalSchema

/// Captures journal events instead of writing them.
struct RecordingSink: EventSink {
    let events = Recorder<DaemonEvent>()

    func emit(_ event: DaemonEvent) { events.append(event) }

    /// The reminder, due and overdue events, in order.
    var firings: [DaemonEvent] {
        events.elements.filter { [.reminder, .due, .overdue].contains($0.kind) }
    }

    /// The events of `kind`, in order.
    func events(of kind: DaemonEventKind) -> [DaemonEvent] {
        events.elements.filter { $0.kind == kind }
    }
}
