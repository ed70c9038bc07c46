import Synchronization

/// What asks the notifier's loop to act between deliveries — a reload (`SIGHUP`) or graceful shutdown — and wakes
/// it wherever it waits: in the journal follower's wait, or idle without channels.
///
/// A request is a flag taken at the loop's next turn: posting and waiting decide under one lock, so a request made
/// at any moment is either seen before the loop waits or ends its wait.
final class NotifyWakeUps: Sendable {
    /// The pending requests and the loop's wait.
    private struct State {
        /// A reload is asked for and not yet taken.
        var reloadPending = false
        /// Graceful shutdown has begun.
        var stopRequested = false
        /// The loop, while it waits idle.
        var idleWaiter: CheckedContinuation<Void, Never>?
        /// The follower whose wait a request ends.
        var follower: JournalFollower?
    }

    private let state = Mutex(State())

    /// Nothing requested yet.
    init() {}

    /// Asks for a reload at the loop's next turn.
    func requestReload() { post { $0.reloadPending = true } }

    /// Asks the loop to end.
    func requestStop() { post { $0.stopRequested = true } }

    /// Whether the loop must end.
    var isStopRequested: Bool { state.withLock { $0.stopRequested } }

    /// Takes the pending reload: true when one was asked for since the last call.
    func takeReload() -> Bool {
        state.withLock { state in
            defer { state.reloadPending = false }
            return state.reloadPending
        }
    }

    /// Requests end the waits of `follower` from now on.
    func wake(_ follower: JournalFollower?) {
        state.withLock { $0.follower = follower }
    }

    /// Waits until a reload or a stop is asked for (returns at once when one is pending).
    func idle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let pending = state.withLock { state in
                if state.reloadPending || state.stopRequested { return true }
                state.idleWaiter = continuation
                return false
            }
            if pending { continuation.resume() }
        }
    }

    /// Records a request and ends the loop's wait.
    private func post(_ change: (inout State) -> Void) {
        let (waiter, follower) = state.withLock { state in
            change(&state)
            defer { state.idleWaiter = nil }
            return (state.idleWaiter, state.follower)
        }
        waiter?.resume()
        follower?.wake()
    }
}
