public import TicklerCalendar

extension Planner {
    /// The events missed while the daemon was stopped: for each obligation and due instant, only the latest stage
    /// whose fire time lies in (max(`checkpoint`, first seen), `now`], in fire order.
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
            var dues = obligation.recurrence.occurrences(after: lower.adding(microseconds: -plan.lastOffset))
            while let due = dues.next(), let stage = plan.lastStage(due: due, through: now) {
                let fire = due.adding(microseconds: plan.offset(stage))
                guard fire > lower else { continue }
                let event = ReminderEvent(obligationID: obligation.id, due: due, stage: plan.stage(stage), fireAt: fire)
                found.append((event, index))
            }
        }
        found.sort { ($0.event.fireAt, $0.index, $0.event.due) < ($1.event.fireAt, $1.index, $1.event.due) }
        return found.map(\.event)
    }
}
