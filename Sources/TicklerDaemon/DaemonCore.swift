import TicklerCalendar
import TicklerControlProtocol
import TicklerJournalSchema
import TicklerSchedule
import TicklerState

/// The daemon's memory between wake-ups, and what it does at each: fire what is due, take a new schedule.
///
/// It owns the planner (a heap of next events), the first-seen times, the overdue set, the checkpoint and the
/// occurrences' lives (``OccurrenceBook``), and writes through the state store and the event sink. It never reads a clock: every step is given `now`.
struct DaemonCore {
    let store: any StateStore
    let sink: any EventSink

    /// The schedule in force.
    private(set) var schedule: Schedule
    /// What the schedule in force was read from, when its provider kept it: a reload then lets the schedule go while
    /// it reads the new one (``setScheduleAside(at:)``).
    private(set) var text: ScheduleText?
    /// The events still to fire, in fire order.
    var planner: Planner
    /// When each obligation of the schedule was first seen.
    private(set) var firstSeen: [String: Instant]
    /// The overdue due instants.
    var overdue: OverdueTracker
    /// The instant up to which every event has been processed.
    private(set) var checkpoint: Instant
    /// The latest time anything fired (``StateStore/latestFiring()``, then every firing of this run), nil when
    /// nothing ever did: an event that cannot fire before a later time has not fired, and is not looked up.
    private(set) var latestFiring: Instant?
    /// The last reload, when it failed.
    private(set) var reloadFailure: DaemonStatus.ReloadFailure?
    /// What people did to occurrences, and the escalation checks.
    var book: OccurrenceBook
    /// When the schedule in force was loaded.
    private(set) var loadedAt: Instant
    /// The last reload's result, if there was one.
    private(set) var lastReload: StatusView.Reload?
    /// Whether the schedule in force has been let go (``setScheduleAside(at:)``), to be taken back.
    private(set) var isScheduleAside = false

    /// Opens the day from the stored state: records new obligations as first seen `now` and plans the events after
    /// `now`. Call ``catchUp(at:)`` next.
    /// - Returns: the core, or nil when the task was cancelled (graceful shutdown) before it was ready; what was
    ///   recorded by then is consistent (``recordFirstSeen(_:in:at:)``).
    /// - Throws: ``StateError`` when the state cannot be read or written.
    static func open(
        schedule: Schedule,
        text: ScheduleText? = nil,
        store: any StateStore,
        sink: any EventSink,
        now: Instant
    ) async throws(StateError) -> DaemonCore? {
        let (firstSeen, complete) = try await recordFirstSeen(schedule.ids, in: store, at: now)
        guard complete && !Task.isCancelled else { return nil }
        let book = OccurrenceBook(records: try await store.occurrences())
        let seen = FirstSeenTimes(schedule, from: firstSeen)
        var core = DaemonCore(
            store: store,
            sink: sink,
            schedule: schedule,
            text: text,
            planner: Planner(schedule: schedule, after: now, firstSeen: seen),
            firstSeen: firstSeen,
            overdue: OverdueTracker(
                schedule: schedule,
                now: now,
                isEnded: Self.isClosed(in: schedule, book: book, firstSeen: seen)
            ),
            checkpoint: try await store.checkpoint() ?? now,
            latestFiring: try await store.latestFiring(),
            reloadFailure: nil,
            book: book,
            loadedAt: now,
            lastReload: nil
        )
        core.planLifecycle(after: now)
        return core
    }

    /// Fires the events missed since the checkpoint — per obligation and due instant only the latest stage, once —
    /// and moves the checkpoint to `now`.
    mutating func catchUp(at now: Instant) async {
        let missed = Planner.missedEvents(
            in: schedule,
            after: checkpoint,
            through: now,
            firstSeen: FirstSeenTimes(schedule, from: firstSeen)
        )
        await fire(missed, at: now)
        await escalate(at: now)
    }

    /// Whether the occurrence of the obligation at an index of `schedule` due at an instant is closed to the overdue
    /// count: ended (acknowledged, skipped) in `book`, or history — due at or before the obligation was first seen
    /// (issue 9: never overdue).
    static func isClosed(
        in schedule: Schedule,
        book: OccurrenceBook,
        firstSeen: FirstSeenTimes
    ) -> (Int, Instant) -> Bool {
        { index, due in
            if let seen = firstSeen[index], due <= seen { return true }
            return book.isEnded(schedule.obligations[index].id, due)
        }
    }

    /// When the daemon must next wake: the next event, the next overdue due instant leaving the window, or the next
    /// escalation check.
    var nextDeadline: Instant? {
        [planner.nextFireInstant, overdue.nextExpiry, book.nextCheck].compactMap { $0 }.min()
    }

    /// Fires every planned event due at or before `now` — after a late wake-up (a suspend, a clock set forward) with
    /// the catch-up rule, so that its cost does not grow with the time missed (``Planner/advance(to:)``).
    mutating func wake(at now: Instant) async {
        let due = planner.advance(to: now)
        if !due.isEmpty { await fire(due, at: now) }
        await escalate(at: now)
        overdue.expire(through: now)
    }

    /// Replaces the schedule with `newSchedule`: new obligations are first seen `now`; events at or before the
    /// checkpoint and events already fired do not fire again.
    mutating func adopt(
        _ newSchedule: Schedule,
        text newText: ScheduleText? = nil,
        from location: String,
        at now: Instant
    ) async {
        // Only ids missing from memory touch the database (an id dropped and re-added keeps its stored time).
        var merged: [String: Instant] = [:]
        merged.reserveCapacity(newSchedule.count)
        var unknown: [String] = []
        for id in newSchedule.ids {
            if let seen = firstSeen[id] { merged[id] = seen } else { unknown.append(id) }
        }
        do {
            merged.merge(try await Self.recordFirstSeen(unknown, in: store, at: now).firstSeen) { _, stored in stored }
        } catch {
            reportStateError(error)
            for id in unknown { merged[id] = now }
        }
        firstSeen = merged
        // The old plan and overdue set each hold the old schedule: let them go before the new ones are built, so
        // that a reload does not hold two schedules' plans at once.
        setPlanAside(at: now)
        schedule = newSchedule
        text = newText
        isScheduleAside = false
        planAgain(at: now)
        reloadFailure = nil
        loadedAt = now
        lastReload = StatusView.Reload(at: now.microsecondsSinceEpoch, succeeded: true, problems: [])
        let obligations = DaemonStatus.counted(newSchedule.count, "obligation")
        let files = DaemonStatus.counted(newSchedule.files.count, "file")
        sink.emit(DaemonEvent(kind: .reloaded, message: "reloaded \(location): \(obligations) from \(files)"))
    }

    /// Lets the plan and the overdue set go, keeping the schedule: a reload calls it before it reads the new
    /// schedule, so that the plan of the schedule in force is not held beside the new schedule while it is read (a
    /// plan of 100,000 obligations is tens of MiB). ``adopt(_:from:at:)`` plans the new schedule;
    /// ``reject(_:at:)`` and ``planAgain(at:)`` plan the one in force again, as a reload of it would.
    mutating func setPlanAside(at now: Instant) {
        planner = Planner(schedule: .empty, after: checkpoint)
        overdue = OverdueTracker(schedule: .empty, now: now)
    }

    /// Lets the schedule in force go too, when its text is kept (``text``): a reload calls it before it reads the new
    /// schedule, so that two schedules are never held at once (100,000 obligations: a reload's peak 171 → 129 MiB).
    /// ``adopt(_:text:from:at:)`` takes the new one; after a refused reload, ``takeBack(_:at:)`` takes the one in
    /// force again, made from ``text``. Without a text, only the plan is set aside.
    mutating func setScheduleAside(at now: Instant) {
        setPlanAside(at: now)
        guard text != nil else { return }
        schedule = .empty
        isScheduleAside = true
    }

    /// Takes back the schedule in force, `made` again from its ``text`` after ``setScheduleAside(at:)``, before a
    /// refused reload is reported (``reject(_:at:)``) or a cancelled one planned again (``planAgain(at:)``).
    ///
    /// It was made from the same texts with the same zones, so it cannot fail but for a zone named only where no
    /// obligation uses it, gone from the zone database since: then each problem is a `reload-failed` event, and no
    /// obligation is planned until a reload succeeds.
    mutating func takeBack(_ made: Result<Schedule, ScheduleLoadError>, at now: Instant) {
        isScheduleAside = false
        switch made {
        case .success(let made): schedule = made
        case .failure(let error):
            text = nil
            for diagnostic in error.diagnostics {
                let message =
                    "reload failed: the schedule in force could not be made again from its files: \(diagnostic)"
                sink.emit(DaemonEvent(kind: .reloadFailed, message: message))
            }
        }
    }

    /// Plans the schedule in force from the checkpoint, its overdue set as of `now` and its occurrences' lifecycle
    /// events: what a reload of it does. The plan depends only on the schedule, the checkpoint, the first-seen
    /// times and the occurrence book, so a schedule planned again after ``setPlanAside(at:)`` gives the same
    /// events.
    mutating func planAgain(at now: Instant) {
        assert(!isScheduleAside, "the schedule set aside is taken back before it is planned again")
        let seen = FirstSeenTimes(schedule, from: firstSeen)
        planner = Planner(schedule: schedule, after: checkpoint, firstSeen: seen)
        overdue = OverdueTracker(
            schedule: schedule,
            now: now,
            isEnded: Self.isClosed(in: schedule, book: book, firstSeen: seen)
        )
        planLifecycle(after: checkpoint)
    }

    /// Keeps the schedule in force after a failed reload, reporting each problem as a `reload-failed` event, and
    /// plans it again (a reload sets its plan aside while it reads: ``setPlanAside(at:)``).
    mutating func reject(_ error: ScheduleLoadError, at now: Instant) {
        planAgain(at: now)
        for diagnostic in error.diagnostics {
            sink.emit(DaemonEvent(kind: .reloadFailed, message: "reload failed: \(diagnostic)"))
        }
        reloadFailure = DaemonStatus.ReloadFailure(at: now, errorCount: error.diagnostics.count)
        lastReload = StatusView.Reload(
            at: now.microsecondsSinceEpoch,
            succeeded: false,
            problems: error.diagnostics.map(\.description)
        )
    }

    /// The status line's parts.
    func status(displayZone: ZoneRules) -> DaemonStatus {
        let next = planner.nextEvent.flatMap { event in
            schedule[event.obligationID].map { obligation in
                DaemonStatus.Next(
                    title: obligation.title,
                    stage: event.stage,
                    fireAt: event.fireAt,
                    zone: obligation.zone
                )
            }
        }
        return DaemonStatus(
            obligationCount: schedule.count,
            next: next,
            overdueCount: overdue.count,
            reloadFailure: reloadFailure,
            displayZone: displayZone
        )
    }

    /// Fires `events` that have not fired before — per obligation and due instant only the latest stage, and none
    /// of an ended or snoozed occurrence — then records them and the checkpoint `now` in one transaction.
    ///
    /// The journal entry is written before the record: a crash in between repeats a reminder rather than losing it.
    private mutating func fire(_ events: [ReminderEvent], at now: Instant) async {
        let stages = Self.latestStages(of: events)
        defer { follow(stages, at: now) }
        let latest = stages.filter { !book.suppresses($0) }
        // Only events that may have fired before are looked up: in a burst of new events, none (no query at all
        // before the first entry goes out).
        let doubtful = latest.filter { event in latestFiring.map { Self.earliestFiring(of: event) <= $0 } ?? false }
        var alreadyFired: Set<EventKey> = []
        if !doubtful.isEmpty {
            do {
                alreadyFired = try await store.fired(among: doubtful.map(Self.key))
            } catch {
                reportStateError(error)
            }
        }
        var fired: [FiredEvent] = []
        for event in latest {
            overdue.note(event)
            let key = Self.key(event)
            guard !alreadyFired.contains(key), let obligation = schedule[event.obligationID] else { continue }
            sink.emit(Self.journalEvent(event, of: obligation))
            fired.append(FiredEvent(key: key, firedAt: now))
        }
        // The checkpoint follows the clock, also backwards: a wrong clock that was later corrected must not silence
        // the events up to the time it showed. The fired table still keeps anything from firing twice.
        checkpoint = now
        if !fired.isEmpty { noteFiring(at: now) }
        do {
            try await store.record(fired: fired, checkpoint: checkpoint)
        } catch {
            reportStateError(error)
        }
    }

    /// Notes that events fired at `now` (recorded, or kept to be recorded, with that fire time).
    mutating func noteFiring(at now: Instant) {
        latestFiring = max(latestFiring ?? now, now)
    }

    /// The earliest time at which an event with `event`'s key can have fired: a reminder's fire time (its lead
    /// is part of the key), else the due instant (an overdue repeat's key counts repeats, whose interval a reload
    /// may change, but never fires before the due instant).
    static func earliestFiring(of event: ReminderEvent) -> Instant {
        if case .reminder = event.stage { return event.fireAt }
        return event.due
    }

    private func reportStateError(_ error: StateError) {
        sink.emit(DaemonEvent(kind: .stateError, message: "\(error)"))
    }

    /// The event for `event` of `obligation`, with the journal fields filled in.
    static func journalEvent(_ event: ReminderEvent, of obligation: Obligation) -> DaemonEvent {
        let kind: DaemonEventKind =
            switch event.stage {
            case .reminder: .reminder
            case .due: .due
            case .overdue: .overdue
            }
        var result = DaemonEvent(
            kind: kind,
            message: event.message(for: obligation),
            obligationID: obligation.id,
            due: event.dueText(in: obligation.zone),
            lead: event.lead?.description,
            title: obligation.title
        )
        let channels = obligation.notify.channels(for: NotifyRouting.Stage(event.stage))
        if !channels.isEmpty { result.values[.notify] = channels.joined(separator: ",") }
        result.values[.stage] = event.stageKey
        result.values[.partner] = obligation.partner
        return result
    }

    /// For each obligation and due instant, the event with the latest fire time; in fire order.
    static func latestStages(of events: [ReminderEvent]) -> [ReminderEvent] {
        struct Due: Hashable {
            let obligationID: String
            let due: Instant
        }
        var latest: [Due: ReminderEvent] = [:]
        for event in events {
            let due = Due(obligationID: event.obligationID, due: event.due)
            if let kept = latest[due], kept.fireAt >= event.fireAt { continue }
            latest[due] = event
        }
        return latest.values.sorted { ($0.fireAt, $0.obligationID, $0.due) < ($1.fireAt, $1.obligationID, $1.due) }
    }

    private static func key(_ event: ReminderEvent) -> EventKey {
        EventKey(obligationID: event.obligationID, due: event.due, stage: event.stageKey)
    }
}
