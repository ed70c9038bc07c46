public import TicklerCalendar

extension Planner {
    /// How late a wake-up may be and still pop every event one by one: one minute. Later than that (the machine
    /// slept, the clock was set forward), ``advance(to:)`` catches up as after downtime.
    public static let catchUpLatenessMicroseconds: Int64 = 60 * 1_000_000

    /// The events missed while the daemon was stopped, in fire order, with the catch-up rule: of the events whose
    /// fire time lies in (max(`checkpoint`, first seen), `now`], for each obligation and due instant only the latest
    /// stage, and of those, for each obligation and stage only the latest due instant.
    ///
    /// So an obligation gives at most one event per stage and one per due instant, whatever the downtime: `every =
    /// "1s"` with a 365-day lead gives at most 32 events, not 31 million. The second half of the rule only matters
    /// when due instants are closer together than the stages (leads longer than the period, dense overdue repeats):
    /// of the reminders "in 30 days" for thirty daily due dates, only the latest fires. The cost is O(runs × log)
    /// recurrence queries per obligation (``Obligation/lastDue(through:after:)``), independent of the downtime.
    ///
    /// An obligation missing from `firstSeen` counts as first seen at `now`, so it has missed nothing.
    /// - Parameters:
    ///   - schedule: the obligations.
    ///   - checkpoint: the instant up to which every event was processed.
    ///   - now: the present.
    ///   - firstSeen: when each obligation was first seen.
    public static func missedEvents(
        in schedule: Schedule,
        after checkpoint: Instant,
        through now: Instant,
        firstSeen: [String: Instant]
    ) -> [ReminderEvent] {
        var found: [(event: ReminderEvent, index: Int)] = []
        for (index, obligation) in schedule.obligations.enumerated() {
            let lower = max(checkpoint, firstSeen[obligation.id] ?? now)
            guard lower < now else { continue }
            let plan = StagePlan(obligation)
            let missed = Self.missed(
                obligation,
                plan: plan,
                after: lower.microsecondsSinceEpoch,
                through: now.microsecondsSinceEpoch
            ) { _ in false }
            found += missed.map { (Self.event(obligation, plan: plan, due: $0.due, stage: $0.stage), index) }
        }
        return sorted(found)
    }

    /// The events of a wake-up at `now`: every event firing at or before `now` (``popEvents(through:)``), or, when
    /// the first of them is more than ``catchUpLatenessMicroseconds`` late, the events ``catchUp(through:)`` gives —
    /// so a wake-up after the machine slept for a month costs what a start does, not a month of events.
    public mutating func advance(to now: Instant) -> [ReminderEvent] {
        if let next = nextFireInstant, now.microseconds(since: next) > Self.catchUpLatenessMicroseconds {
            return catchUp(through: now)
        }
        return popEvents(through: now)
    }

    /// Catches up to `now` as after downtime, leaving the plan as if built at `now`, with its changes kept: the
    /// planned events missed since the last pop follow the rule of
    /// ``missedEvents(in:after:through:firstSeen:)`` (removed occurrences and obligations give none), and every
    /// one-off event due by `now` fires. In fire order.
    ///
    /// Costs O(obligations × runs × log) — a rebuild of the queue — however far `now` is.
    public mutating func catchUp(through now: Instant) -> [ReminderEvent] {
        var found: [(event: ReminderEvent, index: Int)] = []
        // The instant popped last may still have events: they fire as they would have.
        if lastPopped > position {
            for event in popEvents(through: Instant(microsecondsSinceEpoch: lastPopped)) {
                found.append((event, schedule.index(of: event.obligationID) ?? 0))
            }
        }
        let end = now.microsecondsSinceEpoch
        var entries: [QueueEntry] = []
        for (serial, event) in oneOffs {
            guard let index = schedule.index(of: event.obligationID) else { continue }
            if event.fireAt <= now {
                found.append((event, index))
                oneOffs[serial] = nil
            } else {
                entries.append(
                    QueueEntry(
                        fire: event.fireAt.microsecondsSinceEpoch,
                        due: event.due.microsecondsSinceEpoch,
                        obligation: Int32(index),
                        stage: -1,
                        serial: serial
                    )
                )
            }
        }
        rebuildOneOffIndex()
        runs = [:]
        for (index, obligation) in schedule.obligations.enumerated()
        where !removedObligations.contains(Int32(index)) {
            let lower = max(position, floors[index])
            if lower < end {
                let missed = Self.missed(obligation, plan: plans[index], after: lower, through: end) {
                    removedOccurrences.contains(OccurrenceKey(obligation: Int32(index), due: $0))
                }
                found += missed.map {
                    (Self.event(obligation, plan: plans[index], due: $0.due, stage: $0.stage), index)
                }
            }
            seed(index, after: max(end, floors[index]), into: &entries)
        }
        queue = BinaryHeap(entries)
        position = max(position, end)
        lastPopped = max(lastPopped, position)
        return Self.sorted(found)
    }

    /// The (due instant, stage) pairs of `obligation` that the catch-up rule keeps for (`lower`, `now`]: per due
    /// instant its latest stage at or before `now`, and per stage the latest due instant having it as its latest —
    /// those firing after `lower`. Walks the stages from the first: the last due instant at which stage s has
    /// fired by `now` is the latest one whose latest stage is s or later; that stage v is found by bisection, and
    /// the walk goes on from v + 1. At most min(stages, due instants) steps.
    static func missed(
        _ obligation: Obligation,
        plan: StagePlan,
        after lower: Int64,
        through now: Int64,
        isRemoved: (Int64) -> Bool
    ) -> [(due: Int64, stage: Int)] {
        // Due instants at or before this have every stage at or before `lower`.
        let floor = Instant(microsecondsSinceEpoch: lower - plan.lastOffset)
        var result: [(due: Int64, stage: Int)] = []
        var stage = 0
        while stage < plan.count {
            var bound = Instant(microsecondsSinceEpoch: now - plan.offset(stage))
            var latest = obligation.lastDue(through: bound, after: floor)
            while let due = latest, isRemoved(due.microsecondsSinceEpoch) {
                bound = due.adding(microseconds: -1)
                latest = obligation.lastDue(through: bound, after: floor)
            }
            guard let due = latest?.microsecondsSinceEpoch, let last = plan.lastStage(due: due, through: now) else {
                break
            }
            if due + plan.offset(last) > lower { result.append((due, last)) }
            stage = last + 1
        }
        return result
    }

    /// The event of `obligation` for `due` at stage index `stage`.
    static func event(_ obligation: Obligation, plan: StagePlan, due: Int64, stage: Int) -> ReminderEvent {
        ReminderEvent(
            obligationID: obligation.id,
            due: Instant(microsecondsSinceEpoch: due),
            stage: plan.stage(stage),
            fireAt: Instant(microsecondsSinceEpoch: due + plan.offset(stage))
        )
    }

    /// `found` by fire time, then file order, then due instant.
    static func sorted(_ found: [(event: ReminderEvent, index: Int)]) -> [ReminderEvent] {
        found.sorted {
            ($0.event.fireAt, $0.index, $0.event.due) < ($1.event.fireAt, $1.index, $1.event.due)
        }
        .map(\.event)
    }

    /// Rebuilds ``oneOffIndex`` from ``oneOffs``.
    private mutating func rebuildOneOffIndex() {
        oneOffIndex = [:]
        for (serial, event) in oneOffs {
            guard let index = schedule.index(of: event.obligationID) else { continue }
            oneOffIndex[Int32(index), default: [:]][event.due.microsecondsSinceEpoch, default: []].append(serial)
        }
    }
}
