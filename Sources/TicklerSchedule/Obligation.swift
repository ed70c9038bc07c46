public import TicklerCalendar

/// One recurring duty toward a partner: what is due, when it recurs, and when to remind about it.
public struct Obligation: Sendable, Identifiable, CustomStringConvertible {
    /// The fields, in one immutable object: an obligation is copied wherever the planner, the overdue count and
    /// the control tool pass it, and a copy of one reference costs one retain, not one per field (a dozen).
    private final class Storage: Sendable {
        let id: String
        let title: String
        let partner: String?
        let category: String?
        let notes: String?
        let owner: String?
        let zone: ZoneRules
        let recurrence: any Recurrence
        let recurrenceDescription: String
        let reminderLeads: [Period]
        let overdueEvery: Period
        let notify: NotifyRouting
        let escalate: [Period]
        let source: SourceLocation

        init(
            id: String,
            title: String,
            partner: String?,
            category: String?,
            notes: String?,
            owner: String?,
            zone: ZoneRules,
            recurrence: any Recurrence,
            recurrenceDescription: String,
            reminderLeads: [Period],
            overdueEvery: Period,
            notify: NotifyRouting,
            escalate: [Period],
            source: SourceLocation
        ) {
            self.id = id
            self.title = title
            self.partner = partner
            self.category = category
            self.notes = notes
            self.owner = owner
            self.zone = zone
            self.recurrence = recurrence
            self.recurrenceDescription = recurrenceDescription
            self.reminderLeads = reminderLeads
            self.overdueEvery = overdueEvery
            self.notify = notify
            self.escalate = escalate
            self.source = source
        }
    }

    private let storage: Storage

    /// The unique name, `[a-z0-9-]+` (`labour-agreement-van-son`).
    public var id: String { storage.id }
    /// What has to be done, in the user's language.
    public var title: String { storage.title }
    /// The partner it concerns, free text.
    public var partner: String? { storage.partner }
    /// A free-text category (`greetings`, `education`).
    public var category: String? { storage.category }
    /// Free-text notes.
    public var notes: String? { storage.notes }
    /// Who is responsible, free text.
    public var owner: String? { storage.owner }
    /// The zone the due times are read and shown in.
    public var zone: ZoneRules { storage.zone }
    /// The rule that yields the due instants.
    public var recurrence: any Recurrence { storage.recurrence }
    /// The recurrence as people read it: `every 5y from 2014-12-15 08:00`.
    public var recurrenceDescription: String { storage.recurrenceDescription }
    /// Reminder lead times, fixed lengths, longest first, no duplicates, none zero.
    public var reminderLeads: [Period] { storage.reminderLeads }
    /// The interval of overdue repeats after a due time; ``Period/zero`` means none.
    public var overdueEvery: Period { storage.overdueEvery }
    /// The channels each stage's events are delivered to (`notify`, `notify-<stage>`, over `[defaults]`).
    public var notify: NotifyRouting { storage.notify }
    /// The escalation delays after a due time (`escalate = ["3d", "7d"]`), fixed lengths, shortest first, no
    /// duplicates, none zero: after each with no acknowledgement, one `escalated` entry at a higher priority.
    public var escalate: [Period] { storage.escalate }
    /// Where the obligation's `[[obligation]]` header is.
    public var source: SourceLocation { storage.source }

    /// An obligation; `reminderLeads` is sorted longest first and `escalate` shortest first, with zero and duplicate
    /// lengths dropped.
    public init(
        id: String,
        title: String,
        partner: String? = nil,
        category: String? = nil,
        notes: String? = nil,
        owner: String? = nil,
        zone: ZoneRules,
        recurrence: any Recurrence,
        recurrenceDescription: String,
        reminderLeads: [Period] = [],
        overdueEvery: Period = .zero,
        notify: NotifyRouting = NotifyRouting(),
        escalate: [Period] = [],
        source: SourceLocation
    ) {
        self.storage = Storage(
            id: id,
            title: title,
            partner: partner,
            category: category,
            notes: notes,
            owner: owner,
            zone: zone,
            recurrence: recurrence,
            recurrenceDescription: recurrenceDescription,
            reminderLeads: Obligation.normalized(leads: reminderLeads),
            overdueEvery: overdueEvery,
            notify: notify,
            escalate: Array(Obligation.normalized(leads: escalate).reversed()),
            source: source
        )
    }

    /// `id: recurrence description`.
    public var description: String { "\(id): \(recurrenceDescription)" }

    /// The first due instant strictly after `instant`, or nil when the obligation has ended.
    public func nextDue(after instant: Instant) -> Instant? {
        recurrence.firstOccurrence(after: instant)
    }

    /// The last due instant in (`floor`, `bound`], or nil when there is none.
    ///
    /// Bounded whatever the number of due instants in between, one ``nextDue(after:)`` a query, and needing nothing
    /// but ``nextDue(after:)`` being non-decreasing in its argument: at most 4 steps forward from `floor` (enough
    /// when due instants are sparse); then windows ending at `bound` and doubling from about a minute, until one
    /// holds a due instant (at most 38 of them), and at most 4 steps forward from its first (enough unless due
    /// instants come in bursts); then a bisection of what is left (at most 64). A daily obligation's last due time
    /// in a week takes about 17 queries, where a bisection alone took 41.
    public func lastDue(through bound: Instant, after floor: Instant) -> Instant? {
        guard floor < bound, var best = nextDue(after: floor), best <= bound else { return nil }
        let (stepped, isLast) = Self.stepForward(from: best, through: bound, nextDue)
        if isLast { return stepped }
        best = stepped
        var span: Int64 = 1 << 26
        while true {
            let (start, overflow) = bound.microsecondsSinceEpoch.subtractingReportingOverflow(span)
            // A window reaching back to `best` holds nothing new: the answer lies after `best`, before that window.
            guard !overflow, start > best.microsecondsSinceEpoch else { break }
            if let found = nextDue(after: Instant(microsecondsSinceEpoch: start)), found <= bound {
                let (further, isLast) = Self.stepForward(from: found, through: bound, nextDue)
                if isLast { return further }
                best = further
                break
            }
            let (doubled, tooLong) = span.multipliedReportingOverflow(by: 2)
            guard !tooLong else { break }
            span = doubled
        }
        // The answer lies in [low, high], and low is a due instant.
        var low = best.microsecondsSinceEpoch
        var high = bound.microsecondsSinceEpoch
        while low < high {
            let middle = low + (high - low + 1) / 2
            if let found = nextDue(after: Instant(microsecondsSinceEpoch: middle - 1)),
                found.microsecondsSinceEpoch <= high
            {
                low = found.microsecondsSinceEpoch
            } else {
                high = middle - 1
            }
        }
        return Instant(microsecondsSinceEpoch: low)
    }

    /// Up to 4 steps from `due` (a due instant) through the due instants at most `bound`: the latest reached, and
    /// whether it is the last of them (else more may follow).
    private static func stepForward(
        from due: Instant,
        through bound: Instant,
        _ nextDue: (Instant) -> Instant?
    ) -> (latest: Instant, isLast: Bool) {
        var latest = due
        for _ in 0..<4 {
            guard let next = nextDue(latest), next <= bound else { return (latest, true) }
            latest = next
        }
        return (latest, false)
    }

    /// Leads sorted longest first, keeping the first spelling of each length and dropping zero ones.
    static func normalized(leads: [Period]) -> [Period] {
        // Already normalized (strictly decreasing, all positive), as schedules usually write them: kept as is.
        if leads.allSatisfy({ ($0.seconds ?? 0) > 0 }),
            zip(leads, leads.dropFirst()).allSatisfy({ $0.seconds! > $1.seconds! })
        {
            return leads
        }
        var seen: Set<Int64> = []
        var result: [Period] = []
        for lead in leads {
            guard let seconds = lead.seconds, seconds > 0, seen.insert(seconds).inserted else { continue }
            result.append(lead)
        }
        return result.sorted { $0.seconds! > $1.seconds! }
    }
}
