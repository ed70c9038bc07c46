public import TicklerCalendar

/// The daemon's core: the next events over all obligations, in fire order, from a priority queue planned lazily.
///
/// Pure: it never reads a clock; callers pass the instants.
///
/// An obligation's events form a grid: a row per due instant D, a column per stage s (reminders, the due time,
/// overdue repeats), firing at D + offset(s), later along every row and every column. For each stage the next event
/// is at the first due instant where that stage has not fired; consecutive stages waiting at the same due instant
/// form a ``PlannerRun``, and the queue holds one entry per run — the run's first stage, which fires first. Popping
/// it moves that stage to the obligation's next due instant (one `nextDue` query per due instant, remembered in the
/// run), where it joins the run waiting there or starts one; the popped run goes on with its next stage.
///
/// So the queue holds, per obligation, at most min(stages, due instants with a pending stage) entries, whatever
/// the number of due instants inside a lead time or the overdue window: `every = "1s"` with `remind = ["365d"]`
/// keeps 2 + 30 entries, not 31 million. Building costs O(obligations × runs × (query + log stages)); popping
/// costs O(log n) and at most one recurrence query.
///
/// The plan can change (``removeEvents(of:)``, ``removeOccurrence(of:due:)``, ``add(_:)``) in O(log n): removed
/// entries are dropped lazily when they reach the top of the queue, and the top is always a live entry.
public struct Planner: Sendable {
    /// The schedule planned.
    public let schedule: Schedule
    /// Each obligation's stages.
    let plans: [StagePlan]
    /// Per obligation, the instant (microseconds) at or before which nothing is planned: max(after, first seen).
    let floors: [Int64]
    /// Per obligation, its first-seen instant (microseconds; `Int64.min` when not given): occurrences due at or before
    /// it are history, never planned, whatever stage of theirs would fire later (an overdue repeat, an escalation).
    let dueFloors: [Int64]
    /// The runs' and one-offs' next events.
    var queue: BinaryHeap<QueueEntry>
    /// The runs, by obligation and due instant.
    var runs: [OccurrenceKey: PlannerRun] = [:]
    /// The one-off events, by serial.
    var oneOffs: [UInt64: ReminderEvent] = [:]
    /// The serials of the one-off events, by obligation and due instant.
    var oneOffIndex: [Int32: [Int64: [UInt64]]] = [:]
    /// Occurrences removed from the plan: their stages pass them by.
    var removedOccurrences: Set<OccurrenceKey> = []
    /// Obligations whose planned events are all removed.
    var removedObligations: Set<Int32> = []
    /// The next serial to give.
    var nextSerial: UInt64 = 0
    /// Every event firing at or before this instant (microseconds) has been popped.
    var position: Int64
    /// The fire time of the last popped event: events at that instant may still be queued.
    var lastPopped: Int64

    /// Plans the events of `schedule` that fire strictly after `after`, and, for an obligation with a
    /// `firstSeen` instant, strictly after that too.
    /// - Parameters:
    ///   - schedule: the obligations.
    ///   - after: events at or before this instant are taken as processed (the daemon's checkpoint, or now).
    ///   - firstSeen: when each obligation was first seen; events at or before it, and every event of an occurrence
    ///     due at or before it, are never planned.
    public init(schedule: Schedule, after: Instant, firstSeen: [String: Instant] = [:]) {
        self.init(schedule: schedule, after: after, firstSeen: FirstSeenTimes(schedule, from: firstSeen))
    }

    /// Plans the events of `schedule` that fire strictly after `after` and after each obligation's first-seen time
    /// in `firstSeen`, as the initializer given the times by id does.
    public init(schedule: Schedule, after: Instant, firstSeen: FirstSeenTimes) {
        self.schedule = schedule
        self.plans = StagePlan.plans(of: schedule.obligations)
        let indices = schedule.obligations.indices
        self.dueFloors = indices.map { firstSeen.floor(of: $0) }
        self.floors = dueFloors.map { max(after.microsecondsSinceEpoch, $0) }
        self.position = after.microsecondsSinceEpoch
        self.lastPopped = after.microsecondsSinceEpoch
        self.queue = BinaryHeap()
        var entries: [QueueEntry] = []
        entries.reserveCapacity(schedule.count)
        runs.reserveCapacity(schedule.count)
        for index in schedule.obligations.indices {
            seed(index, after: floors[index], into: &entries)
        }
        queue = BinaryHeap(entries)
    }

    /// Queues the runs of obligation `index` after `lower`: walking from the last stage to the first, each run
    /// starts at the first due instant where its stage is pending, and the next run holds the stages before it.
    /// One query per run, so at most min(stages, due instants in flight) queries.
    mutating func seed(_ index: Int, after lower: Int64, into entries: inout [QueueEntry]) {
        let plan = plans[index]
        var last = plan.count - 1
        while let due = nextLiveDue(index, after: lower - plan.offset(last)),
            let first = plan.firstStage(due: due, after: lower)
        {
            entries.append(makeRun(index, due: due, first: first, last: last, next: PlannerRun.unknown))
            guard first > 0 else { return }
            last = first - 1
        }
    }

    /// The next event, without removing it.
    public var nextEvent: ReminderEvent? { queue.top.map(event) }

    /// When the next event fires, or nil when no obligation has any left.
    public var nextFireInstant: Instant? { queue.top.map { Instant(microsecondsSinceEpoch: $0.fire) } }

    /// The number of queued entries: one per run (at most one per obligation and stage, and one per obligation and
    /// due instant with a pending stage) and one per one-off; removed entries count until they reach the top.
    public var queuedCount: Int { queue.count }

    /// Removes and returns the next event, queueing what follows it.
    public mutating func popNext() -> ReminderEvent? {
        guard let entry = queue.popTop() else { return nil }
        let result = entry.isOneOff ? takeOneOff(entry) : advance(entry)
        lastPopped = max(lastPopped, entry.fire)
        position = max(position, entry.fire - 1)
        dropRemovedTop()
        return result
    }

    /// Removes and returns every event that fires at or before `now`, in fire order.
    public mutating func popEvents(through now: Instant) -> [ReminderEvent] {
        var result: [ReminderEvent] = []
        while let top = queue.top, top.fire <= now.microsecondsSinceEpoch, let event = popNext() {
            result.append(event)
        }
        position = max(position, now.microsecondsSinceEpoch)
        lastPopped = max(lastPopped, position)
        return result
    }

    /// The next `limit` events, leaving the planner as it is: O(n) to copy the queue, then O(log n) per event.
    public func upcoming(limit: Int) -> [ReminderEvent] {
        var copy = self
        var result: [ReminderEvent] = []
        while result.count < limit, let event = copy.popNext() { result.append(event) }
        return result
    }

    /// The event of the run or one-off `entry`.
    private func event(_ entry: QueueEntry) -> ReminderEvent {
        if entry.isOneOff, let oneOff = oneOffs[entry.serial] { return oneOff }
        return ReminderEvent(
            obligationID: schedule.obligations[Int(entry.obligation)].id,
            due: Instant(microsecondsSinceEpoch: entry.due),
            stage: plans[Int(entry.obligation)].stage(Int(entry.stage)),
            fireAt: Instant(microsecondsSinceEpoch: entry.fire)
        )
    }

    /// Fires the first stage of the run `entry`: the run goes on with its next stage, and the stage moves to the
    /// next due instant, joining the run there or starting one.
    private mutating func advance(_ entry: QueueEntry) -> ReminderEvent {
        let key = OccurrenceKey(obligation: entry.obligation, due: entry.due)
        let fired = event(entry)
        guard var run = runs[key] else { return fired }
        let index = Int(entry.obligation)
        let next = nextLiveDue(index, after: entry.due, remembered: run.next)
        if run.first < run.last {
            run.next = next ?? PlannerRun.ended
            queue.insert(restart(&run, at: key, first: run.first + 1))
        } else {
            runs[key] = nil
        }
        if let next { handOver(index, stages: Int(entry.stage)...Int(entry.stage), to: next) }
        return fired
    }

    /// Gives `stages` (just before the stages of the run they leave) to the run at due instant `due`, or to a new
    /// run there.
    mutating func handOver(_ index: Int, stages: ClosedRange<Int>, to due: Int64) {
        let key = OccurrenceKey(obligation: Int32(index), due: due)
        if var below = runs[key] {
            below.last = Int32(stages.upperBound)
            runs[key] = below
        } else {
            queue.insert(makeRun(index, due: due, first: stages.lowerBound, last: stages.upperBound))
        }
    }

    /// Records a new run and returns its queue entry.
    mutating func makeRun(
        _ index: Int,
        due: Int64,
        first: Int,
        last: Int,
        next: Int64 = PlannerRun.unknown
    )
        -> QueueEntry
    {
        let key = OccurrenceKey(obligation: Int32(index), due: due)
        var run = PlannerRun(serial: 0, first: Int32(first), last: Int32(last), next: next)
        return restart(&run, at: key, first: Int32(first))
    }

    /// Gives `run` the first stage `first` and a new serial, stores it, and returns its queue entry.
    private mutating func restart(_ run: inout PlannerRun, at key: OccurrenceKey, first: Int32) -> QueueEntry {
        run.first = first
        run.serial = takeSerial()
        runs[key] = run
        return QueueEntry(
            fire: key.due + plans[Int(key.obligation)].offset(Int(first)),
            due: key.due,
            obligation: key.obligation,
            stage: first,
            serial: run.serial
        )
    }

    /// A serial not given before.
    mutating func takeSerial() -> UInt64 {
        defer { nextSerial += 1 }
        return nextSerial
    }

    /// The first due instant of obligation `index` strictly after `instant` that was not removed, starting from
    /// the `remembered` answer when there is one.
    func nextLiveDue(_ index: Int, after instant: Int64, remembered: Int64 = PlannerRun.unknown) -> Int64? {
        if remembered == PlannerRun.ended { return nil }
        // The obligation is used in place: a copy would retain each of its fields.
        var candidate =
            remembered == PlannerRun.unknown
            ? schedule.obligations[index].nextDue(
                after: Instant(microsecondsSinceEpoch: max(instant, dueFloors[index]))
            )?
            .microsecondsSinceEpoch
            : remembered
        while let due = candidate, removedOccurrences.contains(OccurrenceKey(obligation: Int32(index), due: due)) {
            candidate =
                schedule.obligations[index].nextDue(after: Instant(microsecondsSinceEpoch: due))?
                .microsecondsSinceEpoch
        }
        return candidate
    }

    /// Whether `entry` still stands for a run or one-off (removed ones stay queued until they reach the top).
    func isLive(_ entry: QueueEntry) -> Bool {
        if entry.isOneOff { return oneOffs[entry.serial] != nil }
        guard !removedObligations.contains(entry.obligation) else { return false }
        return runs[OccurrenceKey(obligation: entry.obligation, due: entry.due)]?.serial == entry.serial
    }

    /// Drops removed entries from the top of the queue, so that the top is the next event.
    mutating func dropRemovedTop() {
        while let top = queue.top, !isLive(top) {
            _ = queue.popTop()
            let key = OccurrenceKey(obligation: top.obligation, due: top.due)
            if !top.isOneOff, runs[key]?.serial == top.serial { runs[key] = nil }
        }
    }
}
