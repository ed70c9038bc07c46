/// Where the daemon's journal events go.
public protocol EventSink: Sendable {
    /// Writes `event`; never throws (a sink that cannot write reports it its own way).
    func emit(_ event: DaemonEvent)
}
