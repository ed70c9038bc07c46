import Synchronization
import TicklerCalendar
import TicklerDaemon

/// A wall clock that moves only when a test moves it; moving it wakes the sleepers whose deadline has come.
final class ManualWallClock: WallClock {
    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var sleepers: [Int: Sleeper] = [:]
        var sleepCalls = 0
    }

    private let state: Mutex<State>

    /// A clock reading `start`.
    init(_ start: Instant) {
        state = Mutex(State(now: start))
    }

    func now() -> Instant { state.withLock { $0.now } }

    /// How many sleeps have begun so far.
    var sleepCalls: Int { state.withLock { $0.sleepCalls } }

    /// The deadlines of the sleepers now waiting.
    var pendingDeadlines: [Instant] { state.withLock { $0.sleepers.values.map(\.deadline).sorted() } }

    func sleep(until deadline: Instant) async throws {
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

    /// Moves the clock to `instant` and wakes the sleepers whose deadline has come.
    func set(to instant: Instant, wakingEveryone: Bool = false) {
        let woken = state.withLock { state in
            state.now = instant
            let due = state.sleepers.filter { wakingEveryone || $0.value.deadline <= instant }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Moves the clock forward by `seconds`.
    func advance(seconds: Int64) {
        set(to: now().adding(seconds: seconds))
    }

    /// Waits (yielding, never sleeping) until `count` sleeps have begun and one is parked on this clock.
    func waitForSleeper(count: Int) async {
        while !state.withLock({ $0.sleepCalls >= count && !$0.sleepers.isEmpty }) {
            await Task.yield()
        }
    }
}
