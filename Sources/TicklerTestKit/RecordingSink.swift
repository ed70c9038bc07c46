public import TicklerJournalSchema

/// An event sink that records the daemon's product events instead of writing them to the journal.
public struct RecordingSink: EventSink {
    /// Every event emitted, in order; tests may wait on it.
    public let events = Recorder<DaemonEvent>()

    /// A sink that has recorded nothing.
    public init() {}

    /// Records `event`.
    public func emit(_ event: DaemonEvent) { events.append(event) }

    /// The reminder, due and overdue events, in order.
    public var firings: [DaemonEvent] {
        events.elements.filter { [.reminder, .due, .overdue].contains($0.kind) }
    }

    /// The events of `kind`, in order.
    public func events(of kind: DaemonEventKind) -> [DaemonEvent] {
        events.elements.filter { $0.kind == kind }
    }
}
