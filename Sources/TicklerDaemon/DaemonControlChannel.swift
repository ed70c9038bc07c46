public import TicklerControlProtocol

/// The way into the running daemon for control requests: each request becomes a command on the core's stream, and
/// the caller waits for the reply the core sends once the request has taken effect.
///
/// ``DaemonAssembly`` makes one per daemon and hands it both to the ``TicklerService`` and to whatever serves the
/// control socket. A request made before the service runs waits until it does; one made after it stopped is answered
/// at once with a refusal.
public final class DaemonControlChannel: ControlHandler {
    /// The stream into the core.
    let commands = CommandStream()

    /// A channel to a daemon that has not started yet.
    public init() {}

    public func handle(_ request: ControlRequest, from caller: ControlCaller) async -> ControlReply {
        await commands.request { reply in .control(request, caller, reply: reply) }
    }
}
