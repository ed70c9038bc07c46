/// What ticklerctl asks the running daemon: a view of its state, or a change to an occurrence.
public enum ControlRequest: Sendable, Hashable {
    /// `ticklerctl status`: the daemon, its schedule, counts per state, the next events, the last reload.
    case status
    /// `ticklerctl upcoming`: the events of the next `days` days (at most `limit`), of one obligation or all, with
    /// each occurrence's state.
    case upcoming(days: Int, limit: Int?, obligationID: String?)
    /// `ticklerctl list`: every obligation with its next occurrence and that occurrence's state.
    case list
    /// `ticklerctl history ID`: everything that happened to the obligation's occurrences, oldest first.
    case history(obligationID: String)
    /// `ticklerctl ack|snooze|skip|reopen`.
    case change(OccurrenceCommand)

    /// Whether the request changes state (and so needs root or membership of ``ControlProtocol/group``).
    public var changesState: Bool {
        if case .change = self { true } else { false }
    }
}
