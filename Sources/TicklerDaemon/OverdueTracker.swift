import TicklerCalendar
import TicklerSchedule

/// The obligations with a due instant passed without acknowledgement, counted cheaply for `STATUS=`.
///
/// A due instant D of an obligation is overdue from D until D + 30 days (when overdue repeats stop); until the
/// acknowledgement issue lands nothing ends it sooner. The set is built by one pass over the schedule at start and
/// reload, then kept
/// up to date at each wake-up: events add their due instant, and expired entries leave from the end of an array
/// sorted by expiry, latest first — no scan of all obligations per wake-up.
struct OverdueTracker {
    /// How long after its due time an obligation counts as overdue (the overdue repeats' window).
    static let windowMicroseconds: Int64 = 30 * 86_400 * 1_000_000

    private struct Entry: Hashable {
        let obligationID: String
        let due: Instant
        var expiry: Instant { due.adding(microseconds: OverdueTracker.windowMicroseconds) }
    }

    private var members: Set<Entry> = []
    /// The members, latest expiry first.
    private var byExpiry: [Entry] = []
    /// How many members each obligation has.
    private var perObligation: [String: Int] = [:]

    /// The overdue due instants of `schedule` at `now`.
    init(schedule: Schedule, now: Instant) {
        let windowStart = now.adding(microseconds: -Self.windowMicroseconds)
        for obligation in schedule.obligations {
            var dues = obligation.recurrence.occurrences(after: windowStart)
            while let due = dues.next(), due <= now {
                insert(obligationID: obligation.id, due: due)
            }
        }
    }

    /// How many obligations are overdue.
    var count: Int { perObligation.count }

    /// When the next one stops counting, or nil when none is overdue.
    var nextExpiry: Instant? { byExpiry.last?.expiry }

    /// Notes that `event` fired: from its due time on, its due instant counts as overdue until the window ends.
    mutating func note(_ event: ReminderEvent) {
        guard event.fireAt >= event.due else { return }
        insert(obligationID: event.obligationID, due: event.due)
    }

    /// Drops the due instants whose window has ended at or before `now`.
    mutating func expire(through now: Instant) {
        while let last = byExpiry.last, last.expiry <= now {
            byExpiry.removeLast()
            members.remove(last)
            if let remaining = perObligation[last.obligationID], remaining > 1 {
                perObligation[last.obligationID] = remaining - 1
            } else {
                perObligation[last.obligationID] = nil
            }
        }
    }

    private mutating func insert(obligationID: String, due: Instant) {
        let entry = Entry(obligationID: obligationID, due: due)
        guard members.insert(entry).inserted else { return }
        perObligation[obligationID, default: 0] += 1
        // Binary search for the first position whose expiry is earlier than the new one (the array descends).
        var low = 0
        var high = byExpiry.count
        while low < high {
            let middle = (low + high) / 2
            if byExpiry[middle].expiry >= entry.expiry { low = middle + 1 } else { high = middle }
        }
        byExpiry.insert(entry, at: low)
    }
}
