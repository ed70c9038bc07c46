import TicklerCalendar
import TicklerControlProtocol
import TicklerJournalSchema
import TicklerSchedule
import TicklerState

extension DaemonCore {
    /// The most due instants of one obligation looked at for its open occurrences (the default of an action, the
    /// counts of `ticklerctl status`): enough for a daily obligation's whole open window many times over.
    static let openScanLimit = 4096

    /// The most events `ticklerctl upcoming` lists in one answer.
    static let upcomingLimit = 10_000

    /// Answers a control request at `now`; a change has taken effect, durably, when this returns.
    mutating func answer(
        _ request: ControlRequest,
        from caller: ControlCaller,
        at now: Instant,
        identity: DaemonIdentity
    ) async -> ControlReply {
        switch request {
        case .status: .status(status(at: now, identity: identity))
        case .upcoming(let days, let limit, let obligationID):
            upcoming(days: days, limit: limit, obligationID: obligationID, at: now)
        case .list: .list(list(at: now))
        case .history(let obligationID): await history(of: obligationID)
        case .change(let command): await change(command, from: caller, at: now)
        }
    }

    // MARK: Views

    /// The occurrences of `obligation` that may be open at `now`, oldest first: those due after it was first seen
    /// and at most its open window ago, up to the next one due after `now` (at most ``openScanLimit``).
    func openCandidates(of obligation: Obligation, at now: Instant) -> [Instant] {
        let lifecycle = lifecycle(of: obligation)
        var result: [Instant] = []
        var candidate = obligation.nextDue(
            after: max(lifecycle.firstSeen, now.adding(microseconds: -lifecycle.openWindow))
        )
        while let due = candidate, result.count < Self.openScanLimit {
            result.append(due)
            if due > now { break }
            candidate = obligation.nextDue(after: due)
        }
        return result
    }

    /// The oldest occurrence of `obligation` that has not ended (due at most its open window ago, or the next one),
    /// or nil when there is none.
    func oldestOpen(of obligation: Obligation, at now: Instant) -> Instant? {
        openCandidates(of: obligation, at: now).first { !book.isEnded(obligation.id, $0) }
    }

    /// The state at `now` of `obligation`'s occurrence due at `due`.
    func state(of obligation: Obligation, due: Instant, at now: Instant) -> OccurrenceState {
        lifecycle(of: obligation).state(due: due, record: book[OccurrenceID(obligation.id, due: due)], at: now)
    }

    /// The view of the planned `event`.
    func view(of event: ReminderEvent, at now: Instant) -> EventView? {
        guard let obligation = schedule[event.obligationID] else { return nil }
        let record = book[OccurrenceID(event.obligationID, due: event.due)]
        return EventView(
            obligationID: obligation.id,
            title: obligation.title,
            stage: event.stageKey,
            fireAt: event.fireAt.microsecondsSinceEpoch,
            due: event.due.microsecondsSinceEpoch,
            zone: obligation.zone.identifier,
            state: state(of: obligation, due: event.due, at: now),
            snoozedUntil: record?.isSnoozed(at: now.microsecondsSinceEpoch) == true ? record?.snoozedUntil : nil
        )
    }

    /// `ticklerctl status`: counts of open occurrences per state, the next five events, the schedule and its load.
    func status(at now: Instant, identity: DaemonIdentity) -> StatusView {
        var counts: [OccurrenceState: Int] = [:]
        for obligation in schedule.obligations {
            for due in openCandidates(of: obligation, at: now) {
                let state = state(of: obligation, due: due, at: now)
                if !state.isEnded { counts[state, default: 0] += 1 }
            }
        }
        return StatusView(
            version: TicklerVersion.number,
            pid: identity.pid,
            startedAt: identity.startedAt.microsecondsSinceEpoch,
            scheduleLocation: identity.scheduleLocation,
            files: schedule.files,
            loadedAt: loadedAt.microsecondsSinceEpoch,
            obligationCount: schedule.count,
            counts: counts,
            next: planner.upcoming(limit: 5).compactMap { view(of: $0, at: now) },
            lastReload: lastReload,
            zone: identity.displayZone.identifier
        )
    }

    /// `ticklerctl upcoming`: the planned events of the next `days` days (at most `limit`), of one obligation or all.
    func upcoming(days: Int, limit: Int?, obligationID: String?, at now: Instant) -> ControlReply {
        guard days >= 0, days <= 366_000, (limit ?? 0) >= 0 else {
            return .failure(ControlFailure(.invalidRequest, "days must be 0 to 366000 and the limit not negative"))
        }
        if let obligationID, schedule[obligationID] == nil {
            return .failure(ControlFailure(.unknownObligation, "no obligation \"\(obligationID)\" in the schedule"))
        }
        let end = now.adding(seconds: Int64(days) * 86_400)
        let most = min(limit ?? Self.upcomingLimit, Self.upcomingLimit)
        var copy = planner
        var result: [EventView] = []
        while result.count < most, let next = copy.nextFireInstant, next <= end, let event = copy.popNext() {
            guard obligationID == nil || event.obligationID == obligationID, let view = view(of: event, at: now) else {
                continue
            }
            result.append(view)
        }
        return .upcoming(result)
    }

    /// `ticklerctl list`: every obligation with its oldest open occurrence (or its next one) and that one's state.
    func list(at now: Instant) -> [ObligationView] {
        schedule.obligations.sorted { $0.id < $1.id }.map { obligation in
            let due = oldestOpen(of: obligation, at: now) ?? obligation.nextDue(after: now)
            let record = due.flatMap { book[OccurrenceID(obligation.id, due: $0)] }
            return ObligationView(
                obligationID: obligation.id,
                title: obligation.title,
                rule: obligation.recurrenceDescription,
                zone: obligation.zone.identifier,
                due: due?.microsecondsSinceEpoch,
                state: due.map { state(of: obligation, due: $0, at: now) },
                snoozedUntil: record?.isSnoozed(at: now.microsecondsSinceEpoch) == true ? record?.snoozedUntil : nil
            )
        }
    }

    /// `ticklerctl history ID`: every event fired and every action taken, oldest first — also for an obligation no
    /// longer in the schedule.
    func history(of obligationID: String) async -> ControlReply {
        let fired: [FiredEvent]
        let actions: [HistoryEntry]
        do {
            fired = try await store.firedEvents(obligationID: obligationID)
            actions = try await store.actions(obligationID: obligationID)
        } catch {
            return .failure(ControlFailure(.stateError, "\(error)"))
        }
        if fired.isEmpty, actions.isEmpty, schedule[obligationID] == nil {
            return .failure(
                ControlFailure(.unknownObligation, "no obligation \"\(obligationID)\" in the schedule or the history")
            )
        }
        let events = fired.map { event in
            HistoryEntry(
                at: event.firedAt.microsecondsSinceEpoch,
                due: event.key.due.microsecondsSinceEpoch,
                event: Self.eventName(ofStage: event.key.stage),
                stage: event.key.stage
            )
        }
        // Stable: at one instant, what fired comes before what people did.
        let merged = (events + actions).enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        return .history(merged.map(\.element))
    }

    /// The `TICKLER_EVENT=` name of a fired stage's key: `remind-7d` → `reminder`, `overdue-3` → `overdue`,
    /// `escalated-1` → `escalated`, `due` → `due`.
    static func eventName(ofStage stage: String) -> String {
        for (prefix, name) in [("remind-", "reminder"), ("overdue-", "overdue"), ("escalated-", "escalated")]
        where stage.hasPrefix(prefix) {
            return name
        }
        return stage
    }
}
