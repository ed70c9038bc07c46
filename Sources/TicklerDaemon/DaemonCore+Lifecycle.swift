import TicklerCalendar
import TicklerControlProtocol
import TicklerJournalSchema
import TicklerSchedule
import TicklerState

extension DaemonCore {
    /// The lifecycle of `obligation`'s occurrences.
    func lifecycle(of obligation: Obligation) -> OccurrenceLifecycle {
        OccurrenceLifecycle(obligation, firstSeen: firstSeen[obligation.id] ?? checkpoint)
    }

    /// Brings a freshly built plan in line with what people did, for the events after `bound`: ended occurrences
    /// leave the plan, occurrences snoozed past `bound` wait for their snooze as one-off events, and the open
    /// occurrences past their due time are watched for escalation.
    ///
    /// Costs O(log n) per record with stages left after `bound` (older records cost one lookup), plus, per obligation
    /// with `escalate`, at most ``Planner/catchUpDueLimit`` due instants.
    mutating func planLifecycle(after bound: Instant) {
        book.resetPlanning()
        for record in book.records.values {
            let due = Instant(microsecondsSinceEpoch: record.due)
            guard planner.nextStage(of: record.obligationID, due: due, after: bound) != nil else { continue }
            if record.isEnded {
                planner.removeOccurrence(of: record.obligationID, due: due)
            } else if let until = record.snoozedUntil, until > bound.microsecondsSinceEpoch {
                planner.snooze(record.obligationID, due: due, until: Instant(microsecondsSinceEpoch: until))
                book.outsidePlan.insert(OccurrenceID(record.obligationID, due: due))
            }
        }
        for obligation in schedule.obligations {
            guard let longest = obligation.escalate.last?.microseconds else { continue }
            let lifecycle = lifecycle(of: obligation)
            var candidate = obligation.nextDue(after: max(lifecycle.firstSeen, bound.adding(microseconds: -longest)))
            for _ in 0..<Planner.catchUpDueLimit {
                guard let due = candidate, due <= bound else { break }
                watchEscalation(of: obligation, due: due, after: bound)
                candidate = obligation.nextDue(after: due)
            }
        }
    }

    /// After `events` were fired (or held back): an occurrence outside the plan gets its next stage after `now` as a
    /// one-off event, and an occurrence past its due time is watched for escalation.
    mutating func follow(_ events: [ReminderEvent], at now: Instant) {
        for event in events {
            let occurrence = OccurrenceID(event.obligationID, due: event.due)
            if book.outsidePlan.contains(occurrence),
                planner.continueOutsidePlan(of: event.obligationID, due: event.due, after: now) == nil
            {
                book.outsidePlan.remove(occurrence)
            }
            if event.fireAt >= event.due, let obligation = schedule[event.obligationID] {
                watchEscalation(of: obligation, due: event.due, after: event.due)
            }
        }
    }

    /// Watches the occurrence of `obligation` due at `due` for its first escalation step after `bound`, if it has
    /// one and has not ended.
    mutating func watchEscalation(of obligation: Obligation, due: Instant, after bound: Instant) {
        let lifecycle = lifecycle(of: obligation)
        guard !lifecycle.isHistory(due), !book.isEnded(obligation.id, due) else { return }
        let next = (lifecycle.escalationStep(due: due, at: bound) ?? 0) + 1
        guard let instant = lifecycle.escalationInstant(due: due, step: next) else { return }
        book.watch(OccurrenceID(obligation.id, due: due), at: instant)
    }

    /// Fires the escalations due at `now`: for each watched occurrence whose check came, still open and not snoozed,
    /// one `escalated` entry for the latest step passed — after downtime the latest only — unless it fired before;
    /// then watches it for its next step. Records them in one transaction.
    mutating func escalate(at now: Instant) async {
        var candidates: [(key: EventKey, event: DaemonEvent)] = []
        for occurrence in book.takeChecks(through: now) {
            guard let obligation = schedule[occurrence.obligationID],
                !book.isEnded(obligation.id, occurrence.dueInstant)
            else { continue }
            if let until = book[occurrence]?.snoozedUntil, until > now.microsecondsSinceEpoch {
                book.watch(occurrence, at: Instant(microsecondsSinceEpoch: until))
                continue
            }
            let lifecycle = lifecycle(of: obligation)
            guard let step = lifecycle.escalationStep(due: occurrence.dueInstant, at: now) else {
                // The clock went back: look again at the first step.
                watchEscalation(of: obligation, due: occurrence.dueInstant, after: now)
                continue
            }
            let key = EventKey(obligationID: obligation.id, due: occurrence.dueInstant, stage: "escalated-\(step)")
            candidates.append((key, Self.escalationEvent(obligation, due: occurrence.dueInstant, step: step, at: now)))
            watchEscalation(of: obligation, due: occurrence.dueInstant, after: now)
        }
        guard !candidates.isEmpty else { return }
        var alreadyFired: Set<EventKey> = []
        do {
            alreadyFired = try await store.fired(among: candidates.map(\.key))
        } catch {
            sink.emit(DaemonEvent(kind: .stateError, message: "\(error)"))
        }
        var fired: [FiredEvent] = []
        for candidate in candidates where !alreadyFired.contains(candidate.key) {
            sink.emit(candidate.event)
            fired.append(FiredEvent(key: candidate.key, firedAt: now))
        }
        if !fired.isEmpty { noteFiring(at: now) }
        do {
            try await store.record(fired: fired, checkpoint: checkpoint)
        } catch {
            sink.emit(DaemonEvent(kind: .stateError, message: "\(error)"))
        }
    }

    /// The `escalated` entry of step `step` for `obligation`'s occurrence due at `due`, at `now`.
    static func escalationEvent(_ obligation: Obligation, due: Instant, step: Int, at now: Instant) -> DaemonEvent {
        let late = HumanDuration.text(microseconds: now.microseconds(since: due))
        let when = obligation.zone.zoned(due).humanDescription
        return DaemonEvent(
            kind: .escalated,
            message: "escalation \(step): overdue by \(late), not acknowledged: \(obligation.title) (due \(when))",
            values: [
                .obligation: obligation.id, .due: obligation.zone.zoned(due).description, .title: obligation.title,
                .escalation: String(step),
            ]
        )
    }
}
