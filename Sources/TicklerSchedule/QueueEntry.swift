/// One entry of the planner's queue: a run's next event, or a one-off event; ordered by fire time, then file order,
/// then due instant, runs before one-offs, then creation.
///
/// An entry is only a key: what it stands for lives in ``Planner``'s tables under ``serial``, and an entry whose
/// serial is no longer there was removed (lazy deletion) and is dropped when it reaches the top.
struct QueueEntry: Comparable, Sendable {
    /// When it fires, microseconds since the epoch.
    let fire: Int64
    /// The due instant it belongs to, microseconds since the epoch.
    let due: Int64
    /// The obligation's position in the schedule.
    let obligation: Int32
    /// For a run, its first stage (the one that fires at ``fire``); −1 for a one-off.
    let stage: Int32
    /// The identity of the run (one per run and first stage) or of the one-off.
    let serial: UInt64

    /// Whether it is a one-off event rather than a run of the plan.
    var isOneOff: Bool { stage < 0 }

    static func < (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
        (lhs.fire, lhs.obligation, lhs.due, lhs.isOneOff ? 1 : 0, lhs.serial) < (
            rhs.fire, rhs.obligation, rhs.due, rhs.isOneOff ? 1 : 0, rhs.serial
        )
    }
}
