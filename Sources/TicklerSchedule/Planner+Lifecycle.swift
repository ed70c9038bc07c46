public import TicklerCalendar

extension Planner {
    /// The event of obligation `id`'s occurrence `due` at stage index `stage`, or nil when the schedule has no
    /// obligation `id`.
    private func stageEvent(_ id: String, due: Instant, stage: Int) -> ReminderEvent? {
        guard let index = schedule.index(of: id) else { return nil }
        let plan = plans[index]
        return ReminderEvent(
            obligationID: id,
            due: due,
            stage: plan.stage(stage),
            fireAt: due.adding(microseconds: plan.offset(stage))
        )
    }

    /// The stage of obligation `id`'s occurrence `due` that fires last at or before `instant`, as planned, or nil
    /// when none does (or there is no obligation `id`). O(log stages).
    public func latestStage(of id: String, due: Instant, through instant: Instant) -> ReminderEvent? {
        guard let index = schedule.index(of: id),
            let stage = plans[index].lastStage(due: due.microsecondsSinceEpoch, through: instant.microsecondsSinceEpoch)
        else { return nil }
        return stageEvent(id, due: due, stage: stage)
    }

    /// The first stage of obligation `id`'s occurrence `due` that fires strictly after `instant`, as planned, or nil
    /// when all have (or there is no obligation `id`). O(log stages).
    public func nextStage(of id: String, due: Instant, after instant: Instant) -> ReminderEvent? {
        guard let index = schedule.index(of: id),
            let stage = plans[index].firstStage(due: due.microsecondsSinceEpoch, after: instant.microsecondsSinceEpoch)
        else { return nil }
        return stageEvent(id, due: due, stage: stage)
    }

    /// Takes obligation `id`'s occurrence `due` out of the plan and plans its next stage after `instant` as a
    /// one-off event; the caller plans each following stage the same way when the one before fires (so an occurrence
    /// taken out of the plan costs one queued entry, whatever its number of stages). O(log n).
    /// - Returns: the one-off event planned, or nil when the occurrence has no stage left after `instant`.
    @discardableResult
    public mutating func continueOutsidePlan(of id: String, due: Instant, after instant: Instant) -> ReminderEvent? {
        removeOccurrence(of: id, due: due)
        guard let next = nextStage(of: id, due: due, after: instant) else { return nil }
        add(next)
        return next
    }

    /// Snoozes obligation `id`'s occurrence `due` until `until`: its planned events are removed, and at `until` the
    /// stage it would then have reached fires as a one-off event (the stage it reaches later when none has come by
    /// then). The stages after it are planned one by one with ``continueOutsidePlan(of:due:after:)``. O(log n).
    /// - Returns: the one-off event planned, or nil when the occurrence has no stage left.
    @discardableResult
    public mutating func snooze(_ id: String, due: Instant, until: Instant) -> ReminderEvent? {
        guard let reached = latestStage(of: id, due: due, through: until) else {
            return continueOutsidePlan(of: id, due: due, after: until)
        }
        removeOccurrence(of: id, due: due)
        let resumed = ReminderEvent(obligationID: id, due: due, stage: reached.stage, fireAt: until)
        add(resumed)
        return resumed
    }
}
