import TicklerCalendar
import TicklerSchedule

/// The obligations with a due instant passed without acknowledgement, counted cheaply for `STATUS=`.
///
/// An obligation counts as overdue while its latest due instant D at or before now is less than the overdue window
/// (``ReminderStage/overdueWindowMicroseconds``, when overdue repeats stop) old, unless that occurrence was
/// acknowledged or skipped (``resolve(_:due:)``). Per obligation only that latest due instant is kept, and the
/// expiries wait in a heap: building costs one `nextDue` query per obligation (and a bounded
/// ``Obligation/lastDue(through:after:)`` for the overdue ones), whatever the number of due instants inside the
/// window; a wake-up costs O(log n) per event and per expiry — never a scan of all obligations, never one entry per
/// due instant.
struct OverdueTracker {
    /// How long after its due time an obligation counts as overdue: the overdue repeats' window.
    static var windowMicroseconds: Int64 { ReminderStage.overdueWindowMicroseconds }

    /// One obligation's expiry: when its latest passed due instant leaves the window.
    private struct Expiry: Comparable {
        /// When, microseconds since the epoch.
        let at: Int64
        /// The obligation's position in the schedule.
        let obligation: Int

        static func < (lhs: Expiry, rhs: Expiry) -> Bool { (lhs.at, lhs.obligation) < (rhs.at, rhs.obligation) }
    }

    private let schedule: Schedule
    /// Per overdue obligation (by position), when it stops counting, microseconds.
    private var expiries: [Int: Int64] = [:]
    /// The expiries; an element that no longer equals its obligation's entry in ``expiries`` is stale and dropped
    /// when it reaches the top.
    private var queue = BinaryHeap<Expiry>()

    /// The overdue obligations of `schedule` at `now`; an obligation whose latest passed due instant `isEnded`
    /// (acknowledged or skipped; called with the obligation's index in `schedule`) is not one.
    init(schedule: Schedule, now: Instant, isEnded: (Int, Instant) -> Bool = { _, _ in false }) {
        self.schedule = schedule
        var entries: [Expiry] = []
        for index in schedule.obligations.indices {
            let obligation = schedule.obligations[index]
            guard let latest = Self.latestDue(of: obligation, at: now), !isEnded(index, latest) else {
                continue
            }
            let expiry = latest.microsecondsSinceEpoch + Self.windowMicroseconds
            expiries[index] = expiry
            entries.append(Expiry(at: expiry, obligation: index))
        }
        queue = BinaryHeap(entries)
    }

    /// How many obligations are overdue.
    var count: Int { expiries.count }

    /// When the next one stops counting, or nil when none is overdue.
    var nextExpiry: Instant? { queue.top.map { Instant(microsecondsSinceEpoch: $0.at) } }

    /// Notes that `event` fired: from its due time on, its obligation counts as overdue until the window ends.
    mutating func note(_ event: ReminderEvent) {
        guard event.fireAt >= event.due, let index = schedule.index(of: event.obligationID) else { return }
        let expiry = event.due.microsecondsSinceEpoch + Self.windowMicroseconds
        guard expiry > expiries[index] ?? .min else { return }
        expiries[index] = expiry
        queue.insert(Expiry(at: expiry, obligation: index))
        dropStaleTop()
    }

    /// Notes that the occurrence of `obligationID` due at `due` ended: when it is the one its obligation counts as
    /// overdue for, the obligation no longer does.
    mutating func resolve(_ obligationID: String, due: Instant) {
        guard let index = schedule.index(of: obligationID),
            expiries[index] == due.microsecondsSinceEpoch + Self.windowMicroseconds
        else { return }
        expiries[index] = nil
        dropStaleTop()
    }

    /// Drops the obligations whose latest passed due instant has left the window at or before `now`; one asked
    /// again finds a later due instant when one passed unnoticed.
    mutating func expire(through now: Instant) {
        while let top = queue.top, top.at <= now.microsecondsSinceEpoch {
            _ = queue.popTop()
            guard expiries[top.obligation] == top.at else { continue }
            if let latest = Self.latestDue(of: schedule.obligations[top.obligation], at: now) {
                let expiry = latest.microsecondsSinceEpoch + Self.windowMicroseconds
                expiries[top.obligation] = expiry
                queue.insert(Expiry(at: expiry, obligation: top.obligation))
            } else {
                expiries[top.obligation] = nil
            }
        }
        dropStaleTop()
    }

    /// The latest due instant of `obligation` in (now − window, now], or nil: one query when there is none.
    private static func latestDue(of obligation: Obligation, at now: Instant) -> Instant? {
        obligation.lastDue(through: now, after: now.adding(microseconds: -windowMicroseconds))
    }

    /// Drops stale expiries from the top of the queue, so that the top is the next real one.
    private mutating func dropStaleTop() {
        while let top = queue.top, expiries[top.obligation] != top.at { _ = queue.popTop() }
    }
}
