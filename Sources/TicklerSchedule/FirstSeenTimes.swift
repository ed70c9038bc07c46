public import TicklerCalendar

/// When each obligation of one schedule was first seen, in the schedule's order.
///
/// The daemon keeps first-seen times by id (they outlive a schedule: an id dropped and re-added keeps its time);
/// this reads them once per schedule, so that planning, the catch-up and the overdue count look an obligation up by
/// its position rather than hash its id again each (at 100,000 obligations those lookups were about 7 % of a
/// start's cycles, mostly cache misses).
public struct FirstSeenTimes: Sendable {
    /// Microseconds since the epoch, by obligation index; `Int64.min` where no time is recorded.
    private let microseconds: [Int64]

    /// The first-seen times in `times` of the obligations of `schedule`.
    public init(_ schedule: Schedule, from times: [String: Instant]) {
        self.microseconds =
            times.isEmpty ? [] : schedule.obligations.map { times[$0.id]?.microsecondsSinceEpoch ?? Int64.min }
    }

    /// When the obligation at `index` was first seen, or nil when that is not recorded.
    public subscript(index: Int) -> Instant? {
        guard microseconds.indices.contains(index), microseconds[index] != Int64.min else { return nil }
        return Instant(microsecondsSinceEpoch: microseconds[index])
    }

    /// The first-seen time of the obligation at `index` in microseconds, `Int64.min` when none is recorded (a floor
    /// below every due instant).
    public func floor(of index: Int) -> Int64 {
        microseconds.indices.contains(index) ? microseconds[index] : Int64.min
    }
}
