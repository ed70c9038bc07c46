/// A Swift `Clock` that moves only when a test advances it, so code timed by a `Clock` (the watchdog) runs without
/// real waiting. The daemon's wall clock is ``ManualWallClock``.
public final class ManualClock: Clock {
    /// A reading: the time advanced since the clock was made.
    public struct Instant: InstantProtocol {
        /// The time since the clock's start.
        public var offset: Duration

        /// The reading at `offset` from the clock's start.
        public init(offset: Duration) {
            self.offset = offset
        }

        /// The reading `duration` later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }

        /// The time from this reading to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }

        /// Whether `lhs` comes before `rhs`.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// The reading and the parked sleepers.
    private let time = ManualTime(Instant(offset: .zero))

    /// A clock at its start.
    public init() {}

    /// The current reading.
    public var now: Instant { time.now }

    /// Zero: the clock moves only by what a test advances.
    public var minimumResolution: Duration { .zero }

    /// How many times `sleep(until:tolerance:)` has been called so far.
    public var sleepCalls: Int { time.sleepCalls }

    /// Returns once a test has advanced the clock to or past `deadline`; `tolerance` is ignored.
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try await time.sleep(until: deadline)
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        time.set(to: time.now.advanced(by: duration))
    }

    /// Waits (yielding, not sleeping) until the `number`-th call to `sleep` is parked on this clock.
    public func waitForSleeper(number: Int) async {
        await time.waitForSleeper(count: number)
    }
}
