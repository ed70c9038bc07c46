public import TicklerCalendar

/// A recurrence with exceptions, extra instants and bounds, like RFC 5545's EXDATE and RDATE.
///
/// - An occurrence of the base on an excluded local date (in ``zone``), or at an excluded instant, is dropped;
///   exclusions apply to added instants too (EXDATE wins over RDATE, as in RFC 5545).
/// - Added instants are merged in; one equal to a base occurrence counts once.
/// - Base occurrences before ``notBefore`` or after ``notAfter`` are dropped; added instants are not bounded.
public struct AmendedRecurrence<Base: Recurrence>: Recurrence {
    /// The recurrence amended.
    public let base: Base
    /// The zone in which excluded dates are local dates.
    public let zone: ZoneRules
    /// Local dates on which no occurrence falls.
    public let excludedDates: Set<CivilDate>
    /// Instants at which no occurrence falls.
    public let excludedInstants: Set<Instant>
    /// Extra occurrences, sorted, without duplicates.
    public let addedInstants: [Instant]
    /// No base occurrence before this instant.
    public let notBefore: Instant?
    /// No base occurrence after this instant.
    public let notAfter: Instant?

    /// `base` without the occurrences on `excludedDates` (local dates in `zone`) or at `excludedInstants`, with
    /// `addedInstants` merged in, and its own occurrences limited to `notBefore…notAfter`.
    public init(
        base: Base,
        zone: ZoneRules,
        excludedDates: Set<CivilDate> = [],
        excludedInstants: Set<Instant> = [],
        addedInstants: [Instant] = [],
        notBefore: Instant? = nil,
        notAfter: Instant? = nil
    ) {
        self.base = base
        self.zone = zone
        self.excludedDates = excludedDates
        self.excludedInstants = excludedInstants
        self.addedInstants = Array(Set(addedInstants)).sorted()
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    public func occurrences(after instant: Instant) -> Occurrences {
        var from = instant
        if let notBefore, notBefore.adding(microseconds: -1) > from { from = notBefore.adding(microseconds: -1) }
        var low = 0
        var high = addedInstants.count
        while low < high {
            let middle = (low + high) / 2
            if addedInstants[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return Occurrences(recurrence: self, base: base.occurrences(after: from), addedIndex: low)
    }

    /// Whether an exclusion removes `instant`.
    func isExcluded(_ instant: Instant) -> Bool {
        excludedInstants.contains(instant)
            || (!excludedDates.isEmpty && excludedDates.contains(zone.localDateTime(at: instant).date))
    }

    /// The iterator of ``AmendedRecurrence``.
    public struct Occurrences: IteratorProtocol {
        let recurrence: AmendedRecurrence
        var base: Base.Occurrences
        var addedIndex: Int
        var pendingBase: Instant?
        var baseEnded = false

        init(recurrence: AmendedRecurrence, base: Base.Occurrences, addedIndex: Int) {
            self.recurrence = recurrence
            self.base = base
            self.addedIndex = addedIndex
        }

        /// The next base occurrence within the bounds, without consuming it.
        private mutating func peekBase() -> Instant? {
            if pendingBase == nil, !baseEnded {
                if let next = base.next(), recurrence.notAfter.map({ next <= $0 }) ?? true {
                    pendingBase = next
                } else {
                    baseEnded = true
                }
            }
            return pendingBase
        }

        public mutating func next() -> Instant? {
            while true {
                let fromBase = peekBase()
                let added = recurrence.addedInstants
                let fromAdded = addedIndex < added.count ? added[addedIndex] : nil
                let candidate: Instant
                switch (fromBase, fromAdded) {
                case (nil, nil): return nil
                case (let baseInstant?, nil): candidate = baseInstant
                case (nil, let addedInstant?): candidate = addedInstant
                case (let baseInstant?, let addedInstant?): candidate = min(baseInstant, addedInstant)
                }
                if fromBase == candidate { pendingBase = nil }
                if fromAdded == candidate { addedIndex += 1 }
                if !recurrence.isExcluded(candidate) { return candidate }
            }
        }
    }
}
