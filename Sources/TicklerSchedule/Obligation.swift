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
    /// Bounded whatever the number of due instants in between: at most 4 steps forward (enough when due instants
    /// are sparse), then a bisection of the remaining interval, one ``nextDue(after:)`` each, so at most about 70
    /// queries in all. It needs nothing but ``nextDue(after:)`` being non-decreasing in its argument.
    public func lastDue(through bound: Instant, after floor: Instant) -> Instant? {
        guard floor < bound, var best = nextDue(after: floor), best <= bound else { return nil }
        for _ in 0..<4 {
            guard let next = nextDue(after: best), next <= bound else { return best }
            best = next
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
