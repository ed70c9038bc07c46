import TicklerCalendar
import TicklerControlProtocol
import TicklerJournalSchema
import TicklerSchedule
import TicklerState

extension DaemonCore {
    /// `ticklerctl ack|snooze|skip|reopen`: resolves the occurrence, applies the transition (compare-and-set in the
    /// store, durable before this returns), replans it and journals it with the caller's user name.
    mutating func change(
        _ command: OccurrenceCommand,
        from caller: ControlCaller,
        at now: Instant
    ) async
        -> ControlReply
    {
        guard let obligation = schedule[command.obligationID] else {
            return .failure(
                ControlFailure(.unknownObligation, "no obligation \"\(command.obligationID)\" in the schedule")
            )
        }
        let lifecycle = lifecycle(of: obligation)
        let due: Instant
        let next: OccurrenceRecord
        do {
            due = try occurrence(of: obligation, named: command, at: now)
            var change = OccurrenceLifecycle.Change(command.action, note: command.note)
            if command.action == .snooze { change.snoozeUntil = try Self.snoozeEnd(command, of: obligation, at: now) }
            next = try lifecycle.apply(
                change,
                obligationID: obligation.id,
                due: due,
                record: book[OccurrenceID(obligation.id, due: due)],
                at: now
            )
        } catch {
            return .failure(error)
        }
        let from = state(of: obligation, due: due, at: now)
        let entry = HistoryEntry(
            at: now.microsecondsSinceEpoch,
            due: due.microsecondsSinceEpoch,
            event: command.action.eventName,
            user: caller.userName,
            note: command.note,
            snoozedUntil: command.action == .snooze ? next.snoozedUntil : nil
        )
        do {
            guard try await store.transition(to: next, action: entry) else {
                return .failure(
                    ControlFailure(.conflict, "\(obligation.id) due \(due) was changed at the same time; look again")
                )
            }
        } catch {
            return .failure(ControlFailure(.stateError, "nothing was changed: \(error)"))
        }
        book.update(next)
        replan(obligation, due: due, after: command.action, at: now)
        sink.emit(Self.actionEvent(entry, of: obligation))
        return .changed(
            TransitionOutcome(
                obligationID: obligation.id,
                due: due.microsecondsSinceEpoch,
                zone: obligation.zone.identifier,
                from: from,
                to: state(of: obligation, due: due, at: now),
                snoozedUntil: entry.snoozedUntil
            )
        )
    }

    /// The occurrence `command` names: its `due` read in the obligation's zone (a date names the occurrence due that
    /// day), or the oldest open one.
    /// - Throws: ``ControlFailure`` when the text is unreadable or names no occurrence.
    func occurrence(
        of obligation: Obligation,
        named command: OccurrenceCommand,
        at now: Instant
    ) throws(ControlFailure)
        -> Instant
    {
        guard let text = command.due else {
            guard command.action != .reopen else {
                throw ControlFailure(.invalidRequest, "reopening needs the occurrence's due date (--due DATE)")
            }
            guard let oldest = oldestOpen(of: obligation, at: now) else {
                throw ControlFailure(.noSuchOccurrence, "\(obligation.id) has no open occurrence")
            }
            return oldest
        }
        guard let value = DateValue(iso: text) else {
            throw ControlFailure(
                .invalidRequest,
                "cannot read the due date \"\(text)\" (use 2027-01-28, 2027-01-28T08:00 or 2027-01-28T08:00+07:00)"
            )
        }
        let zone = obligation.zone
        let found: Instant?
        switch value {
        case .date(let date):
            let start = zone.instant(for: LocalDateTime(date: date, time: .midnight))
            let end = zone.instant(for: value.inclusiveEnd(in: zone))
            found = obligation.nextDue(after: start.adding(microseconds: -1)).flatMap { $0 <= end ? $0 : nil }
        case .local, .instant:
            let instant = zone.instant(for: value.local(at: .midnight, in: zone))
            found = obligation.nextDue(after: instant.adding(microseconds: -1)).flatMap { $0 == instant ? $0 : nil }
        }
        guard let found else {
            throw ControlFailure(.noSuchOccurrence, "\(obligation.id) has no occurrence due at \(text)")
        }
        return found
    }

    /// Until when `command` snoozes: `snoozeFor` after `now`, or `snoozeUntil` read in the obligation's zone (a date
    /// alone at the built-in time of day, 08:00).
    /// - Throws: ``ControlFailure`` when neither or both are given, or the text is unreadable.
    static func snoozeEnd(
        _ command: OccurrenceCommand,
        of obligation: Obligation,
        at now: Instant
    )
        throws(ControlFailure) -> Instant
    {
        switch (command.snoozeFor, command.snoozeUntil) {
        case (let duration?, nil):
            guard let period = try? Period.parse(duration), let length = period.microseconds, length > 0 else {
                throw ControlFailure(.invalidRequest, "cannot read the duration \"\(duration)\" (use 2h, 3d, 1w)")
            }
            return now.adding(microseconds: length)
        case (nil, let text?):
            guard let value = DateValue(iso: text) else {
                throw ControlFailure(.invalidRequest, "cannot read the time \"\(text)\" (use 2027-01-20T08:00)")
            }
            return obligation.zone.instant(for: value.local(at: ScheduleDefaults.builtInTime, in: obligation.zone))
        default:
            throw ControlFailure(.invalidRequest, "snoozing needs exactly one of --for DURATION and --until DATE-TIME")
        }
    }

    /// Brings the plan in line after `action` on `obligation`'s occurrence due at `due`.
    mutating func replan(_ obligation: Obligation, due: Instant, after action: OccurrenceAction, at now: Instant) {
        let occurrence = OccurrenceID(obligation.id, due: due)
        switch action {
        case .acknowledge, .skip:
            planner.removeOccurrence(of: obligation.id, due: due)
            book.outsidePlan.remove(occurrence)
            book.unwatch(occurrence)
            overdue.resolve(obligation.id, due: due)
        case .snooze:
            let until = Instant(microsecondsSinceEpoch: book[occurrence]?.snoozedUntil ?? now.microsecondsSinceEpoch)
            if planner.snooze(obligation.id, due: due, until: until) != nil { book.outsidePlan.insert(occurrence) }
        case .reopen:
            if planner.continueOutsidePlan(of: obligation.id, due: due, after: now) != nil {
                book.outsidePlan.insert(occurrence)
            }
            watchEscalation(of: obligation, due: due, after: now)
        }
    }

    /// The journal entry for the action `entry` on `obligation`.
    static func actionEvent(_ entry: HistoryEntry, of obligation: Obligation) -> DaemonEvent {
        let due = Instant(microsecondsSinceEpoch: entry.due)
        let kind = DaemonEventKind(name: entry.event) ?? .acknowledged
        var message = "\(entry.event) by \(entry.user ?? "?")"
        if let until = entry.snoozedUntil {
            message += " until \(obligation.zone.zoned(Instant(microsecondsSinceEpoch: until)).humanDescription)"
        }
        message += ": \(obligation.title) (due \(obligation.zone.zoned(due).humanDescription))"
        if let note = entry.note { message += "; note: \(note)" }
        var values: [EventField: String] = [
            .obligation: obligation.id, .due: obligation.zone.zoned(due).description, .title: obligation.title,
        ]
        values[.user] = entry.user
        values[.note] = entry.note
        return DaemonEvent(kind: kind, message: message, values: values)
    }
}
