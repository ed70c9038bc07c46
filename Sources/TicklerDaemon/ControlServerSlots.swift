import Synchronization

/// The places for clients being served at once: taking one waits while all are taken.
final class ControlServerSlots: Sendable {
    /// The free places and the one waiter (the accept loop).
    private struct State {
        /// How many places are free.
        var free: Int
        /// The accept loop, waiting for a place.
        var waiter: CheckedContinuation<Void, Never>?
    }

    /// The state.
    private let state: Mutex<State>

    /// `count` free places (at least one).
    init(_ count: Int) {
        state = Mutex(State(free: max(1, count)))
    }

    /// Takes a place, waiting until one is free (one caller at a time).
    func take() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let taken = state.withLock { state in
                guard state.free > 0 else {
                    state.waiter = continuation
                    return false
                }
                state.free -= 1
                return true
            }
            if taken { continuation.resume() }
        }
    }

    /// Gives a place back, handing it to the waiter if there is one.
    func give() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.free += 1
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }
}
