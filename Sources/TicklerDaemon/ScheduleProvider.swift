public import TicklerSchedule

/// Where the daemon reads its schedule from, at start and at each reload.
public protocol ScheduleProvider: Sendable {
    /// Where the schedule comes from, for messages (a path).
    var location: String { get }

    /// Reads the whole schedule afresh.
    /// - Throws: ``ScheduleLoadError`` listing every problem found.
    func loadSchedule() throws(ScheduleLoadError) -> Schedule

    /// Reads the whole schedule afresh, with what it was read from when that can be kept (``ScheduleText``): the
    /// daemon then lets the schedule in force go while a reload reads the new one.
    /// - Throws: ``ScheduleLoadError`` listing every problem found.
    func loadScheduleKeepingText() throws(ScheduleLoadError) -> (schedule: Schedule, text: ScheduleText?)
}

extension ScheduleProvider {
    /// The schedule, without a text: the daemon keeps it in memory through each reload.
    public func loadScheduleKeepingText() throws(ScheduleLoadError) -> (schedule: Schedule, text: ScheduleText?) {
        (try loadSchedule(), nil)
    }
}
