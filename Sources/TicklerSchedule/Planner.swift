public import TicklerCalendar

/// The daemon's core: the next events over all obligations, in fire order, from a priority queue.
///
/// Pure: it never reads a clock; callers pass the instants. The queue (a binary heap) holds, for each obligation,
/// the next event of each due instant whose events have begun — usually one entry per obligation. Popping an event
/// pushes only that due instant's next stage and, when the popped event was the due instant's first stage, the
/// obligation's following due instant; nothing rescans all obligations.
public struct Planner: Sendable {
    /// The schedule planned.
    public let schedule: Schedule
    private let plans: [StagePlan]
    private var queue: BinaryHeap<QueueEntry>

    /// Plans the events of `schedule` that fire strictly after `after`, and, for an obligation with a
    /// `firstSeen` instant, strictly after that too.
    /// - Parameters:
    ///   - schedule: the obligations.
    ///   - after: events at or before this instant are taken as processed (the daemon's checkpoint, or now).
    ///   - firstSeen: when each obligation was first seen; events at or before it are never planned.
    public init(schedule: Schedule, after: Instant, firstSeen: [String: Instant] = [:]) {
        self.schedule = schedule
        let plans = schedule.obligations.map(StagePlan.init)
        self.plans = plans
        var entries: [QueueEntry] = []
        entries.reserveCapacity(schedule.count)
        for (index, obligation) in schedule.obligations.enumerated() {
            let lower = max(after, firstSeen[obligation.id] ?? after)
            Self.seed(obligation, plan: plans[index], index: index, after: lower, into: &entries)
        }
        self.queue = BinaryHeap(entries)
    }

    /// Queues the events of `obligation` after `lower`: every due instant whose events have begun by then
    /// (at its first pending stage), and the first one whose events have not.
    private static func seed(
        _ obligation: Obligation,
        plan: StagePlan,
        index: Int,
        after lower: Instant,
        into entries: inout [QueueEntry]
    ) {
        var dues = obligation.recurrence.occurrences(after: lower.adding(microseconds: -plan.lastOffset))
        while let due = dues.next() {
            guard let stage = plan.firstStage(due: due, after: lower) else { continue }
            entries.append(QueueEntry(due: due, stage: stage, obligation: index, plan: plan))
            if stage == 0 { return }
        }
    }

    /// The next event, without removing it.
    public var nextEvent: ReminderEvent? { queue.top.map(event) }

    /// When the next event fires, or nil when no obligation has any left.
    public var nextFireInstant: Instant? { queue.top.map { Instant(microsecondsSinceEpoch: $0.fire) } }

    /// The number of queued entries (one per obligation and begun due instant).
    public var queuedCount: Int { queue.count }

    /// Removes and returns the next event, queueing what follows it.
    public mutating func popNext() -> ReminderEvent? {
        guard let entry = queue.popTop() else { return nil }
        let plan = plans[entry.obligation]
        let due = Instant(microsecondsSinceEpoch: entry.due)
        if entry.stage + 1 < plan.count {
            queue.insert(QueueEntry(due: due, stage: entry.stage + 1, obligation: entry.obligation, plan: plan))
        }
        if entry.stage == 0, let next = schedule.obligations[entry.obligation].nextDue(after: due) {
            queue.insert(QueueEntry(due: next, stage: 0, obligation: entry.obligation, plan: plan))
        }
        return event(entry)
    }

    /// Removes and returns every event that fires at or before `now`, in fire order.
    public mutating func popEvents(through now: Instant) -> [ReminderEvent] {
        var result: [ReminderEvent] = []
        while let top = queue.top, top.fire <= now.microsecondsSinceEpoch, let event = popNext() {
            result.append(event)
        }
        return result
    }

    /// The next `limit` events, leaving the planner as it is.
    public func upcoming(limit: Int) -> [ReminderEvent] {
        var copy = self
        var result: [ReminderEvent] = []
        while result.count < limit, let event = copy.popNext() { result.append(event) }
        return result
    }

    private func event(_ entry: QueueEntry) -> ReminderEvent {
        ReminderEvent(
            obligationID: schedule.obligations[entry.obligation].id,
            due: Instant(microsecondsSinceEpoch: entry.due),
            stage: plans[entry.obligation].stage(entry.stage),
            fireAt: Instant(microsecondsSinceEpoch: entry.fire)
        )
    }
}

/// One queued event: an obligation's stage for one due instant, ordered by fire time, then file order.
///
/// 24 bytes: schedules of 100,000 obligations with overlapping due instants keep millions of these.
struct QueueEntry: Comparable, Sendable {
    let fire: Int64
    let due: Int64
    private let obligationIndex: Int32
    private let stageIndex: Int32

    init(due: Instant, stage: Int, obligation: Int, plan: StagePlan) {
        self.fire = due.microsecondsSinceEpoch + plan.offset(stage)
        self.due = due.microsecondsSinceEpoch
        self.obligationIndex = Int32(obligation)
        self.stageIndex = Int32(stage)
    }

    /// The obligation's position in the schedule.
    var obligation: Int { Int(obligationIndex) }

    /// The stage's index in the obligation's ``StagePlan``.
    var stage: Int { Int(stageIndex) }

    static func < (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
        (lhs.fire, lhs.obligationIndex, lhs.due, lhs.stageIndex) < (
            rhs.fire, rhs.obligationIndex, rhs.due, rhs.stageIndex
        )
    }
}
