import Synchronization

/// A mailbox of reload requests: any number of posts before the daemon looks count as one.
///
/// Waiting does not consume the request, so a waiter that loses a race (and is cancelled) loses nothing;
/// the daemon takes the request with ``take()`` when it acts on it.
final class ReloadRequests: Sendable {
    private struct State {
        var pending = false
        var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Records a request and wakes every waiter.
    func post() {
        let waiters = state.withLock { state in
            state.pending = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Takes the pending request, if any.
    func take() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    /// Returns once a request is pending (at once if one already is).
    /// - Throws: `CancellationError` when the task is cancelled first.
    func waitUntilPending() async throws {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.pending { return .success(()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
