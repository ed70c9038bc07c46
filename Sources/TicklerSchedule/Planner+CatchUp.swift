public import TicklerCalendar

extension Planner {
    /// How late a wake-up may be and still pop every event one by one: one minute. Later than that (the machine
    /// slept, the clock was set forward), ``advance(to:)`` catches up as after downtime.
    public static let catchUpLatenessMicroseconds: Int64 = 60 * 1_000_000

    /// How many due instants of one obligation a catch-up takes one by one: beyond that, it keeps one event per
    /// stage (see ``missedEvents(in:after:through:firstSeen:)``).
    public static let catchUpDueLimit = 64

    /// The events missed while the daemon was stopped, in fire order: of the events whose fire time lies in
    /// (max(`checkpoint`, first seen), `now`], for each obligation and due instant only the latest stage.
    ///
    /// That is the whole rule while an obligation has at most ``catchUpDueLimit`` due instants whose stages reach
    /// into the downtime (those in (lower − last offset, now − first offset]). Beyond that — leads longer than the
    /// period, dense overdue repeats, long downtimes — the obligation also keeps, for each stage, only the event of
    /// the latest due instant: of the reminders "in 30 days" for forty daily due dates only the latest fires, and
    /// `every = "1s"` with a 365-day lead gives 32 events after a day of downtime, not 2.8 million. So an obligation
    /// gives at most max(``catchUpDueLimit``, stages) events, found with O(``catchUpDueLimit`` + runs × log)
    /// recurrence queries (``Obligation/lastDue(through:after:)``), whatever the downtime.
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
        missedEvents(
            in: schedule,
            after: checkpoint,
            through: now,
            firstSeen: FirstSeenTimes(schedule, from: firstSeen)
        )
    }

    /// The events missed between `checkpoint` and `now`, with the first-seen times already read for `schedule`; the
    /// same rule as the function given the times by id.
    public static func missedEvents(
        in schedule: Schedule,
        after checkpoint: Instant,
        through now: Instant,
        firstSeen: FirstSeenTimes
    ) -> [ReminderEvent] {
        var found: [(event: ReminderEvent, index: Int)] = []
        for index in schedule.obligations.indices {
            // Most obligations missed nothing: they are decided from their first-seen time, without a copy of the
            // obligation.
            let seen = firstSeen[index] ?? now
            let lower = max(checkpoint, seen)
            guard lower < now else { continue }
            let obligation = schedule.obligations[index]
            let plan = StagePlan(obligation)
            let missed = Self.missed(
                obligation,
                plan: plan,
                after: lower.microsecondsSinceEpoch,
                through: now.microsecondsSinceEpoch,
                duesAfter: seen.microsecondsSinceEpoch
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
                let missed = Self.missed(
                    obligation,
                    plan: plans[index],
                    after: lower,
                    through: end,
                    duesAfter: dueFloors[index]
                ) {
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

    /// The (due instant, stage) pairs of `obligation` that the catch-up rule keeps for (`lower`, `now`].
    ///
    /// With at most ``catchUpDueLimit`` due instants in reach, each gives its latest stage at or before `now`.
    /// Otherwise, per stage the latest due instant having it as its latest, found by walking the stages from the
    /// first: the last due instant at which stage s has fired by `now` is the latest one whose latest stage is s or
    /// later; that stage v is found by bisection, and the walk goes on from v + 1. At most min(stages, due
    /// instants) steps.
    ///
    /// Occurrences due at or before `duesAfter` (the first-seen instant) are history and give nothing.
    static func missed(
        _ obligation: Obligation,
        plan: StagePlan,
        after lower: Int64,
        through now: Int64,
        duesAfter dueFloor: Int64,
        isRemoved: (Int64) -> Bool
    ) -> [(due: Int64, stage: Int)] {
        // Due instants at or before this have every stage at or before `lower`, or are history.
        let earliest = max(lower - plan.lastOffset, dueFloor)
        if let few = missedOneByOne(
            obligation,
            plan: plan,
            after: lower,
            dueAfter: earliest,
            through: now,
            isRemoved: isRemoved
        ) {
            return few
        }
        let floor = Instant(microsecondsSinceEpoch: earliest)
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

    /// The latest stage of each due instant of `obligation` that fires in (`lower`, `now`], or nil when more than
    /// ``catchUpDueLimit`` due instants are in reach.
    private static func missedOneByOne(
        _ obligation: Obligation,
        plan: StagePlan,
        after lower: Int64,
        dueAfter earliest: Int64,
        through now: Int64,
        isRemoved: (Int64) -> Bool
    ) -> [(due: Int64, stage: Int)]? {
        var dues = obligation.recurrence.occurrences(after: Instant(microsecondsSinceEpoch: earliest))
        var result: [(due: Int64, stage: Int)] = []
        var count = 0
        while let instant = dues.next(), instant.microsecondsSinceEpoch <= now - plan.firstOffset {
            count += 1
            guard count <= catchUpDueLimit else { return nil }
            let due = instant.microsecondsSinceEpoch
            guard !isRemoved(due), let last = plan.lastStage(due: due, through: now), due + plan.offset(last) > lower
            else { continue }
            result.append((due, last))
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
