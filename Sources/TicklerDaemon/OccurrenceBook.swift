import TicklerCalendar
import TicklerControlProtocol
import TicklerSchedule

/// The daemon's memory of its occurrences' lives: what people did to them (the records, as stored), which are planned
/// one stage at a time outside the plan, and when each open occurrence past its due time must next be looked at for
/// escalation.
///
/// The escalation checks wait in a heap, one per watched occurrence: a wake-up costs O(log n) per check that comes
/// due, never a scan of all occurrences.
struct OccurrenceBook {
    /// One escalation check: when to look at an occurrence again.
    private struct Check: Comparable {
        /// When, microseconds since the epoch.
        let at: Int64
        /// The occurrence.
        let occurrence: OccurrenceID

        static func < (lhs: Check, rhs: Check) -> Bool { (lhs.at, lhs.occurrence) < (rhs.at, rhs.occurrence) }
    }

    /// What people did, by occurrence.
    private(set) var records: [OccurrenceID: OccurrenceRecord]
    /// Occurrences taken out of the plan (snoozed, reopened): each stage is planned as a one-off event when the one
    /// before it fires.
    var outsidePlan: Set<OccurrenceID> = []
    /// The escalation checks; one that no longer matches its occurrence's entry in ``watched`` is stale and dropped
    /// when it reaches the top.
    private var checks = BinaryHeap<Check>()
    /// The occurrences with a check waiting, and when (microseconds).
    private var watched: [OccurrenceID: Int64] = [:]

    /// A book holding `records`.
    init(records: [OccurrenceRecord]) {
        var byOccurrence: [OccurrenceID: OccurrenceRecord] = [:]
        for record in records {
            byOccurrence[OccurrenceID(record.obligationID, due: Instant(microsecondsSinceEpoch: record.due))] = record
        }
        self.records = byOccurrence
    }

    /// The record of `occurrence`, or nil when nobody acted on it.
    subscript(occurrence: OccurrenceID) -> OccurrenceRecord? { records[occurrence] }

    /// Keeps `record` as its occurrence's record.
    mutating func update(_ record: OccurrenceRecord) {
        records[OccurrenceID(record.obligationID, due: Instant(microsecondsSinceEpoch: record.due))] = record
    }

    /// Whether the occurrence of `obligationID` due at `due` has ended (acknowledged or skipped).
    func isEnded(_ obligationID: String, _ due: Instant) -> Bool {
        records[OccurrenceID(obligationID, due: due)]?.isEnded == true
    }

    /// Whether nothing may fire for `event`: its occurrence ended, or is snoozed past the event's time.
    func suppresses(_ event: ReminderEvent) -> Bool {
        guard let record = records[OccurrenceID(event.obligationID, due: event.due)] else { return false }
        return record.isEnded || (record.snoozedUntil.map { $0 > event.fireAt.microsecondsSinceEpoch } ?? false)
    }

    /// When the next escalation check is due, or nil when no occurrence is watched.
    var nextCheck: Instant? { checks.top.map { Instant(microsecondsSinceEpoch: $0.at) } }

    /// Looks at `occurrence` again at `instant`, unless a check for it is already waiting.
    mutating func watch(_ occurrence: OccurrenceID, at instant: Instant) {
        guard watched[occurrence] == nil else { return }
        watched[occurrence] = instant.microsecondsSinceEpoch
        checks.insert(Check(at: instant.microsecondsSinceEpoch, occurrence: occurrence))
    }

    /// Stops watching `occurrence` (it ended): its check is dropped. O(log n).
    mutating func unwatch(_ occurrence: OccurrenceID) {
        watched[occurrence] = nil
        dropStaleTop()
    }

    /// Takes the checks due at or before `now`, in time order; the occurrences are no longer watched.
    mutating func takeChecks(through now: Instant) -> [OccurrenceID] {
        var due: [OccurrenceID] = []
        while let top = checks.top, top.at <= now.microsecondsSinceEpoch {
            _ = checks.popTop()
            guard watched[top.occurrence] == top.at else { continue }
            watched[top.occurrence] = nil
            due.append(top.occurrence)
        }
        dropStaleTop()
        return due
    }

    /// Drops stale checks from the top of the heap, so that the top is the next real one.
    private mutating func dropStaleTop() {
        while let top = checks.top, watched[top.occurrence] != top.at { _ = checks.popTop() }
    }

    /// Forgets every escalation check and every occurrence outside the plan (before planning anew).
    mutating func resetPlanning() {
        checks = BinaryHeap()
        watched = [:]
        outsidePlan = []
    }
}
