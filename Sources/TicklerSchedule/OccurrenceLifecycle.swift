public import TicklerCalendar
public import TicklerControlProtocol

/// The life of an obligation's occurrences: which state one is in at an instant, and what a person's action does to
/// it. Pure: it reads no clock; every answer is for the `now` it is given.
///
/// An open occurrence's state follows from the clock: upcoming → reminding (from its longest lead) → due → overdue
/// (from its first overdue repeat, or just after the due time without repeats) → escalated (from its first
/// `escalate` delay). Its ``OccurrenceRecord`` adds what people did: acknowledged or skipped (ended), snoozed until
/// an instant (paused, then back where the clock puts it), reopened (open again). Occurrences due at or before the
/// obligation was first seen are history: no action applies to them and they are never overdue.
public struct OccurrenceLifecycle: Sendable {
    /// The longest reminder lead, microseconds (0 without reminders).
    public let longestLead: Int64
    /// The overdue repeats' interval, microseconds (0 without repeats).
    public let overdueEvery: Int64
    /// The escalation delays after the due time, microseconds, shortest first.
    public let escalationDelays: [Int64]
    /// When the obligation was first seen: occurrences due at or before it are history.
    public let firstSeen: Instant

    /// The lifecycle of `obligation`'s occurrences, first seen at `firstSeen`.
    public init(_ obligation: Obligation, firstSeen: Instant) {
        self.init(
            longestLead: obligation.reminderLeads.first?.microseconds ?? 0,
            overdueEvery: obligation.overdueEvery.microseconds ?? 0,
            escalationDelays: obligation.escalate.map { $0.microseconds ?? 0 },
            firstSeen: firstSeen
        )
    }

    /// A lifecycle with the given timings (microseconds).
    public init(longestLead: Int64, overdueEvery: Int64, escalationDelays: [Int64], firstSeen: Instant) {
        self.longestLead = longestLead
        self.overdueEvery = overdueEvery
        self.escalationDelays = escalationDelays
        self.firstSeen = firstSeen
    }

    /// How long after its due time an unended occurrence still counts as open (for the default of an action, the
    /// counts of `ticklerctl status`): the overdue window or the last escalation delay, whichever is longer.
    public var openWindow: Int64 { max(ReminderStage.overdueWindowMicroseconds, escalationDelays.last ?? 0) }

    /// Whether the occurrence due at `due` is history: due at or before the obligation was first seen.
    public func isHistory(_ due: Instant) -> Bool { due <= firstSeen }

    /// The state at `now` of the occurrence due at `due` with `record` (nil: nobody acted on it).
    public func state(due: Instant, record: OccurrenceRecord?, at now: Instant) -> OccurrenceState {
        if let resolution = record?.resolution, resolution.isEnded { return resolution }
        if record?.isSnoozed(at: now.microsecondsSinceEpoch) == true { return .snoozed }
        return clockState(due: due, at: now)
    }

    /// The state the clock alone gives at `now` to the open occurrence due at `due`.
    public func clockState(due: Instant, at now: Instant) -> OccurrenceState {
        let elapsed = now.microseconds(since: due)
        if elapsed < 0 { return longestLead > 0 && -elapsed <= longestLead ? .reminding : .upcoming }
        if escalationStep(due: due, at: now) != nil { return .escalated }
        return (overdueEvery > 0 ? elapsed >= overdueEvery : elapsed > 0) ? .overdue : .due
    }

    /// The latest escalation step (1, 2, …) whose delay after `due` has passed at `now`, or nil before the first.
    public func escalationStep(due: Instant, at now: Instant) -> Int? {
        let elapsed = now.microseconds(since: due)
        let passed = escalationDelays.count { $0 <= elapsed }
        return passed > 0 ? passed : nil
    }

    /// When escalation step `step` (1, 2, …) of the occurrence due at `due` comes, or nil when there is no such step.
    public func escalationInstant(due: Instant, step: Int) -> Instant? {
        guard step >= 1, step <= escalationDelays.count else { return nil }
        return due.adding(microseconds: escalationDelays[step - 1])
    }

    /// What a person's action asks for: the action and, for a snooze, until when (already resolved to an instant).
    public struct Change: Sendable, Hashable {
        /// The action.
        public var action: OccurrenceAction
        /// For a snooze: until when.
        public var snoozeUntil: Instant?
        /// The note given with it (a skip needs one).
        public var note: String?

        /// Creates a change.
        public init(_ action: OccurrenceAction, snoozeUntil: Instant? = nil, note: String? = nil) {
            self.action = action
            self.snoozeUntil = snoozeUntil
            self.note = note
        }
    }

    /// Applies `change` at `now` to the occurrence due at `due` with `record` (nil: nobody acted on it yet).
    ///
    /// The transitions: acknowledge, skip and snooze apply to an open occurrence; reopen to an ended one, which
    /// becomes open again (overdue when its due time has passed). Anything else is a ``ControlFailure/Code/conflict``
    /// that says what the occurrence is; a skip without a note or a snooze that does not end after `now` is
    /// ``ControlFailure/Code/invalidRequest``; an occurrence of the history is ``ControlFailure/Code/noSuchOccurrence``.
    /// - Returns: the record after the transition, its revision one more than before.
    /// - Throws: ``ControlFailure`` saying why nothing changed.
    public func apply(
        _ change: Change,
        obligationID: String,
        due: Instant,
        record: OccurrenceRecord?,
        at now: Instant
    ) throws(ControlFailure) -> OccurrenceRecord {
        let current = record ?? OccurrenceRecord(obligationID: obligationID, due: due.microsecondsSinceEpoch)
        let state = state(due: due, record: record, at: now)
        let what = "\(obligationID) due \(due)"
        guard !isHistory(due) else {
            throw ControlFailure(.noSuchOccurrence, "\(what) was due before the obligation was first seen (history)")
        }
        var next = current
        next.revision += 1
        switch change.action {
        case .acknowledge, .skip, .snooze:
            guard !state.isEnded else {
                throw ControlFailure(.conflict, "\(what) is already \(state.name); reopen it first")
            }
            if change.action == .skip, change.note?.allSatisfy(\.isWhitespace) ?? true {
                throw ControlFailure(.invalidRequest, "skipping needs a note saying why (--note TEXT)")
            }
            if change.action == .snooze {
                guard let until = change.snoozeUntil, until > now else {
                    throw ControlFailure(.invalidRequest, "a snooze must end after now")
                }
                next.snoozedUntil = until.microsecondsSinceEpoch
            } else {
                next.resolution = change.action == .acknowledge ? .acknowledged : .skipped
            }
        case .reopen:
            guard state.isEnded else { throw ControlFailure(.conflict, "\(what) is \(state.name), not ended") }
            next.resolution = nil
            next.snoozedUntil = nil
        }
        return next
    }
}
