import TicklerCalendar
import TicklerDaemon
import TicklerTestKit

/// A wall clock that moves only when a test moves it; moving it wakes the sleepers whose deadline has come.
final class ManualWallClock: WallClock {
    private let time: ManualTime<Instant>

    /// A clock reading `start`.
    init(_ start: Instant) {
        time = ManualTime(start)
    }

    func now() -> Instant { time.now }

    /// How many sleeps have begun so far.
    var sleepCalls: Int { time.sleepCalls }

    /// The deadlines of the sleepers now waiting.
    var pendingDeadlines: [Instant] { time.pendingDeadlines }

    func sleep(until deadline: Instant) async throws {
        try await time.sleep(until: deadline)
    }

    /// Moves the clock to `instant` and wakes the sleepers whose deadline has come.
    func set(to instant: Instant, wakingEveryone: Bool = false) {
        time.set(to: instant, wakingEveryone: wakingEveryone)
    }

    /// Moves the clock forward by `seconds`.
    func advance(seconds: Int64) {
        set(to: now().adding(seconds: seconds))
    }

    /// Waits (yielding, never sleeping) until `count` sleeps have begun and one is parked on this clock.
    func waitForSleeper(count: Int) async {
        await time.waitForSleeper(count: count, anyParked: true)
    }
}
