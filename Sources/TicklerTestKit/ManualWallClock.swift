public import TicklerCalendar
public import TicklerDaemon

/// A wall clock that moves only when a test moves it; moving it wakes the sleepers whose deadline has come.
public final class ManualWallClock: WallClock {
    /// The reading and the parked sleepers.
    private let time: ManualTime<Instant>

    /// A clock reading `start`.
    public init(_ start: Instant) {
        time = ManualTime(start)
    }

    /// The current reading.
    public func now() -> Instant { time.now }

    /// How many sleeps have begun so far.
    public var sleepCalls: Int { time.sleepCalls }

    /// The deadlines of the sleepers now waiting, earliest first.
    public var pendingDeadlines: [Instant] { time.pendingDeadlines }

    /// Returns once a test has moved the clock to or past `deadline` (or woken everyone).
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Instant) async throws {
        try await time.sleep(until: deadline)
    }

    /// Moves the clock to `instant` and wakes the sleepers whose deadline has come (all of them with
    /// `wakingEveryone`, as when an administrator steps the clock).
    public func set(to instant: Instant, wakingEveryone: Bool = false) {
        time.set(to: instant, wakingEveryone: wakingEveryone)
    }

    /// Moves the clock forward by `seconds`.
    public func advance(seconds: Int64) {
        set(to: now().adding(seconds: seconds))
    }

    /// Waits (yielding, never sleeping) until `count` sleeps have begun and one is parked on this clock.
    public func waitForSleeper(count: Int) async {
        await time.waitForSleeper(count: count, anyParked: true)
    }
}
