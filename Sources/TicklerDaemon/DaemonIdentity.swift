import TicklerCalendar

/// What `ticklerctl status` says about the daemon itself: its process, when it started, where it reads its schedule,
/// and the zone for times without an obligation.
struct DaemonIdentity: Sendable {
    /// The daemon's process id.
    let pid: Int32
    /// When the service started.
    let startedAt: Instant
    /// The configuration path the schedule is read from.
    let scheduleLocation: String
    /// The display zone (the system zone).
    let displayZone: ZoneRules
}
