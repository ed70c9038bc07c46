import TicklerCalendar
import TicklerControlProtocol

extension DaemonCore {
    /// Answers a control request at `now`.
    mutating func answer(_ request: ControlRequest, from caller: ControlCaller, at now: Instant) async -> ControlReply {
        .failure(ControlFailure(.invalidRequest, "not answered yet"))
    }
}
