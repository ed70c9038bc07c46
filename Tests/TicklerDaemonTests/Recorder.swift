import Synchronization

/// A thread-safe list that tests can wait on: `wait(until:)` resumes as soon as the list satisfies a condition.
final class Recorder<Element: Sendable>: Sendable {
    private struct Waiter {
        let condition: @Sendable ([Element]) -> Bool
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var elements: [Element] = []
        var waiters: [Waiter] = []
    }

    private let state = Mutex(State())

    /// Everything recorded so far.
    var elements: [Element] { state.withLock { $0.elements } }

    /// Records `element` and wakes the waiters whose condition now holds.
    func append(_ element: Element) {
        let satisfied = state.withLock { state in
            state.elements.append(element)
            let elements = state.elements
            let ready = state.waiters.filter { $0.condition(elements) }
            state.waiters.removeAll { $0.condition(elements) }
            return ready
        }
        for waiter in satisfied { waiter.continuation.resume() }
    }

    /// Returns once the recorded list satisfies `condition` (at once if it already does).
    func wait(until condition: @escaping @Sendable ([Element]) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let holds = state.withLock { state in
                if condition(state.elements) { return true }
                state.waiters.append(Waiter(condition: condition, continuation: continuation))
                return false
            }
            if holds { continuation.resume() }
        }
    }
}
