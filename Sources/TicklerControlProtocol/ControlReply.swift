/// The daemon's answer to a ``ControlRequest``.
public enum ControlReply: Sendable, Hashable {
    /// The answer to ``ControlRequest/status``.
    case status(StatusView)
    /// The answer to ``ControlRequest/upcoming(days:limit:obligationID:)``: events in fire order.
    case upcoming([EventView])
    /// The answer to ``ControlRequest/list``: one row per obligation, in id order.
    case list([ObligationView])
    /// The answer to ``ControlRequest/history(obligationID:)``: entries oldest first.
    case history([HistoryEntry])
    /// The answer to ``ControlRequest/change(_:)`` that was carried out.
    case changed(TransitionOutcome)
    /// A refusal.
    case failure(ControlFailure)
}
