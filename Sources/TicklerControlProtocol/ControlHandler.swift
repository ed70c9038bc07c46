/// What answers control requests: ticklerd's core, behind its command stream.
///
/// The socket server authorises the caller from the kernel before it parses a request, decodes the line, then calls
/// ``handle(_:from:)`` and writes the reply; a slow or hostile client never reaches the handler with a partial request.
public protocol ControlHandler: Sendable {
    /// Answers `request` from `caller`; state changes have taken effect (and are durable) when this returns.
    func handle(_ request: ControlRequest, from caller: ControlCaller) async -> ControlReply
}
