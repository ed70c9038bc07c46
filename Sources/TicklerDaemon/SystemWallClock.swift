public import TicklerCalendar
import TicklerPlatform

/// The system's real-time clock; waits on a `timerfd` armed for an absolute `CLOCK_REALTIME` instant.
///
/// The timer is armed with `TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET`, so it fires exactly at the deadline however
/// long the wait (no drift, no polling) and also wakes the sleeper when the clock is set, so the daemon re-plans.
public struct SystemWallClock: WallClock {
    /// The system clock.
    public init() {}

    public func now() -> Instant { Instant.now() }

    public func sleep(until deadline: Instant) async throws {
        try Task.checkCancellation()
        let timer = try RealTimeTimer(deadline: deadline)
        try await timer.wait()
    }
}
