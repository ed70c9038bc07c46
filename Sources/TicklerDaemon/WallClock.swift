public import TicklerCalendar

/// The daemon's source of wall-clock time, and of waiting until a wall-clock instant.
///
/// Reminders are due at wall-clock instants, so the daemon must wait on the real-time clock, not on elapsed time:
/// when an administrator or NTP sets the clock, sleepers wake and the daemon plans again.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Instant

    /// Suspends until the clock reads `deadline` or later, or until the clock is set (stepped), whichever is first.
    ///
    /// Returning does not promise that `deadline` has come: callers read ``now()`` again and decide.
    /// - Throws: `CancellationError` when the calling task is cancelled.
    func sleep(until deadline: Instant) async throws
}
