public import TicklerPlatform

/// What tells the daemon that the time-zone rules it planned with may have changed, and reads them again.
///
/// The service waits on ``waitForChange()`` beside its deadline, so a change wakes it at once (no polling); it then
/// calls ``refresh()`` and, when something did change, re-reads the schedule with the new rules.
public protocol ZoneChangeWatch: Sendable {
    /// Returns once the zone files in use may have changed (at once when a change is pending), without taking it.
    /// - Throws: `CancellationError` when the task is cancelled first.
    func waitForChange() async throws

    /// Takes the pending notice, forgets the cached rules and reads them again.
    /// - Returns: what changed, or nil when every zone in use kept its rules.
    func refresh() -> ZoneRulesChange?

    /// Watches the zone files in use now: the service calls it once the schedule is read and after each reload or
    /// change, since the wait may have begun before a zone was first read.
    func watchFilesInUse()
}
