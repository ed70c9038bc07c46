import Synchronization

/// Time that moves only when a test moves it: the core of the tests' manual clocks.
///
/// Sleepers park until a test moves the time to or past their deadline; cancelling a sleeper's task wakes it with
/// `CancellationError`. Tests wait for a sleeper to park by yielding, never by sleeping.
public final class ManualTime<Point: Comparable & Sendable>: Sendable {
    private struct Sleeper {
        var deadline: Point
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Point
        var sleepers: [Int: Sleeper] = [:]
        var sleepCalls = 0
    }

    private let state: Mutex<State>

    /// Time reading `start`.
    public init(_ start: Point) {
        state = Mutex(State(now: start))
    }

    /// The current reading.
    public var now: Point { state.withLock { $0.now } }

    /// How many sleeps have begun so far.
    public var sleepCalls: Int { state.withLock { $0.sleepCalls } }

    /// The deadlines of the sleepers now parked, earliest first.
    public var pendingDeadlines: [Point] { state.withLock { $0.sleepers.values.map(\.deadline).sorted() } }

    /// Returns once the reading is at or past `deadline`.
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Point) async throws {
        let id = state.withLock { state in
            state.sleepCalls += 1
            return state.sleepCalls
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Sets the reading and wakes the sleepers whose deadline has come (all of them with `wakingEveryone`).
    public func set(to point: Point, wakingEveryone: Bool = false) {
        let woken = state.withLock { state in
            state.now = point
            let due = state.sleepers.filter { wakingEveryone || $0.value.deadline <= point }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Waits (yielding, never sleeping) until `count` sleeps have begun and the `count`-th one is parked, or with
    /// `anyParked`, until any sleeper is parked.
    public func waitForSleeper(count: Int, anyParked: Bool = false) async {
        while !state.withLock({ state in
            state.sleepCalls >= count && (anyParked ? !state.sleepers.isEmpty : state.sleepers[count] != nil)
        }) {
            await Task.yield()
        }
    }
}
