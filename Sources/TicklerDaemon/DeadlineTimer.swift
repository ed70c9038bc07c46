import Synchronization
import TicklerCalendar

/// The daemon's one timer: armed for exactly the next instant the core must act at, it posts
/// ``DaemonCommand/deadlineReached(generation:)`` when that instant comes (or when the clock is set) — no polling.
///
/// Each arming cancels the previous sleep and numbers the new one; a notice from an earlier arming that was already
/// under way is recognised as stale by ``isCurrent(_:)``.
final class DeadlineTimer: Sendable {
    /// The sleep in progress and the number of the latest arming.
    private struct State {
        /// The task sleeping until the armed deadline, if one is armed.
        var sleeper: Task<Void, Never>?
        /// The latest arming's number.
        var generation: UInt64 = 0
    }

    private let clock: any WallClock
    private let commands: CommandStream
    private let state = Mutex(State())

    /// A disarmed timer sleeping on `clock` and posting to `commands`.
    init(clock: any WallClock, commands: CommandStream) {
        self.clock = clock
        self.commands = commands
    }

    /// Cancels the sleep in progress, if any; its parked sleep ends before this returns.
    func disarm() {
        let sleeper = state.withLock { state in
            state.generation &+= 1
            defer { state.sleeper = nil }
            return state.sleeper
        }
        sleeper?.cancel()
    }

    /// Disarms, then sleeps until `deadline` (nothing when it is nil) and posts the new arming's notice.
    func arm(at deadline: Instant?) {
        disarm()
        guard let deadline else { return }
        state.withLock { state in
            let generation = state.generation
            state.sleeper = Task { [clock, commands] in
                do {
                    try await clock.sleep(until: deadline)
                } catch {
                    return
                }
                commands.post(.deadlineReached(generation: generation))
            }
        }
    }

    /// Whether `generation` is the arming in force (a notice from an earlier one is stale).
    func isCurrent(_ generation: UInt64) -> Bool {
        state.withLock { $0.generation == generation && $0.sleeper != nil }
    }
}
