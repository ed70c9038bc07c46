/// One occurrence of one obligation: its position in the schedule and a due instant (microseconds).
struct OccurrenceKey: Hashable, Sendable {
    /// The obligation's position in the schedule.
    let obligation: Int32
    /// The due instant, microseconds since the epoch.
    let due: Int64
}
