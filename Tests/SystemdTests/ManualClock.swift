import TicklerTestKit

/// A clock that moves only when a test advances it, so timed code runs without real waiting.
final class ManualClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let time = ManualTime(Instant(offset: .zero))

    var now: Instant { time.now }
    var minimumResolution: Duration { .zero }

    /// How many times `sleep(until:tolerance:)` has been called so far.
    var sleepCalls: Int { time.sleepCalls }

    func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try await time.sleep(until: deadline)
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        time.set(to: time.now.advanced(by: duration))
    }

    /// Waits (yielding, not sleeping) until the `number`-th call to `sleep` is parked on this clock.
    func waitForSleeper(number: Int) async {
        await time.waitForSleeper(count: number)
    }
}
