import TicklerControlProtocol

/// One thing for the daemon's core to do: the only way anything reaches it.
///
/// The core takes commands one at a time from its ``CommandStream`` and acts on each to the end before it takes the
/// next, so nothing it owns (the planner, the occurrences, the state) is ever touched from two places at once.
enum DaemonCommand: Sendable {
    /// The deadline timer armed as `generation` went off: the next event's instant came, or the clock was set.
    ///
    /// A timer that was re-armed after it went off posts a stale generation, which the core ignores.
    case deadlineReached(generation: UInt64)
    /// Re-read the schedule (`SIGHUP`, `systemctl reload`).
    case reloadRequested
    /// The zone files in use may have changed; `done` is resumed once the core has read them again, so that the watch
    /// waits for the next change only after this one was taken.
    case zoneChanged(done: CheckedContinuation<Void, Never>)
    /// Graceful shutdown was requested.
    case shutdown
    /// A control request from `caller`; `reply` is resumed with the answer once its effect is in force.
    case control(ControlRequest, ControlCaller, reply: CheckedContinuation<ControlReply, Never>)

    /// Whether `self` is absorbed by an equal command already queued (any number of reload requests before the core
    /// looks count as one; so do deadline notices and shutdown requests).
    func isAbsorbed(by queued: DaemonCommand) -> Bool {
        switch (self, queued) {
        case (.reloadRequested, .reloadRequested), (.shutdown, .shutdown): true
        case (.deadlineReached(let mine), .deadlineReached(let theirs)): mine <= theirs
        default: false
        }
    }

    /// Answers a command that will never be acted on (the daemon stopped), so that nobody waits for it forever.
    func abandon() {
        switch self {
        case .zoneChanged(let done): done.resume()
        case .control(_, _, let reply):
            reply.resume(returning: .failure(ControlFailure(.stateError, "ticklerd is stopping; nothing was changed")))
        case .deadlineReached, .reloadRequested, .shutdown: break
        }
    }
}
