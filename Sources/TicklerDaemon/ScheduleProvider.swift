public import TicklerSchedule

/// Where the daemon reads its schedule from, at start and at each reload.
public protocol ScheduleProvider: Sendable {
    /// Where the schedule comes from, for messages (a path).
    var location: String { get }

    /// Reads the whole schedule afresh.
    /// - Throws: ``ScheduleLoadError`` listing every problem found.
    func loadSchedule() throws(ScheduleLoadError) -> Schedule
}
