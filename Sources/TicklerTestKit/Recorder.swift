import Synchronization

/// A thread-safe list that tests can wait on: ``wait(until:)`` resumes as soon as the list satisfies a condition.
public final class Recorder<Element: Sendable>: Sendable {
    /// A task waiting for the list to satisfy its condition.
    private struct Waiter {
        /// What the list must satisfy.
        let condition: @Sendable ([Element]) -> Bool
        /// Resumes the waiting task.
        let continuation: CheckedContinuation<Void, Never>
    }

    /// What the lock guards.
    private struct State {
        /// Everything recorded so far, in order.
        var elements: [Element] = []
        /// The tasks waiting, in arrival order.
        var waiters: [Waiter] = []
    }

    /// The list and its waiters.
    private let state = Mutex(State())

    /// An empty list.
    public init() {}

    /// Everything recorded so far, in order.
    public var elements: [Element] { state.withLock { $0.elements } }

    /// Records `element` and wakes the waiters whose condition now holds.
    public func append(_ element: Element) {
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
    public func wait(until condition: @escaping @Sendable ([Element]) -> Bool) async {
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
