public import TicklerCalendar

extension RRuleRecurrence {
    /// The iterator of ``RRuleRecurrence``: expands one period at a time into a reused buffer.
    public struct Occurrences: IteratorProtocol {
        private let plan: RRulePlan
        /// The zone, with the offset span of the last conversion remembered.
        private var zone: ZoneCursor
        /// Only instants strictly after this (microseconds since the epoch) are returned.
        private let after: Int64
        private var period: Int
        /// The current period's candidates, wall-clock seconds, increasing; `position` is the next one.
        private var buffer: [Int64] = []
        private var position = 0
        private var scratch: [Int64] = []
        private var exhausted: Bool
        private var cache = RRulePlan.DayCache()
        /// Periods loaded in a row without a candidate; past a threshold, the day filter is checked for emptiness.
        private var emptyLoads = 0
        /// How many periods the next load may take: one at first, doubling up to ``largestBatch``. A query for the
        /// next occurrence (the planner's, the overdue count's) needs one or two periods, and loading 64 months
        /// of a monthly rule for it was most of its cost; an expansion that goes on soon loads 64 at a time.
        private var batch = 1
        /// The most periods, and about the most candidates, one load takes.
        private static let largestBatch = 64
        /// Occurrences still to give (COUNT), counting those at or before `after`.
        private var remaining: Int
        /// The last instant given (or skipped as not after `after`), microseconds.
        private var last = Int64.min
        /// Instants of wall-clock times that fell in a gap: they land later than the times after the gap, so they
        /// wait here until the expansion passes them.
        private var pending: [Int64] = []
        private var pendingPosition = 0

        /// The expansion from period `period` on, `given` occurrences having been given before it.
        init(plan: RRulePlan, zone: ZoneRules, after: Int64, period: Int, given: Int = 0) {
            self.plan = plan
            self.zone = ZoneCursor(zone: zone)
            self.after = after
            self.period = period
            exhausted = plan.isEmpty || after == .max
            remaining = plan.count.map { $0 - given } ?? Int.max
        }

        public mutating func next() -> Instant? {
            while remaining > 0 {
                guard position < buffer.count else {
                    if !exhausted {
                        refill()
                        continue
                    }
                    guard pendingPosition < pending.count else { return nil }
                    pendingPosition += 1
                    if let instant = offer(pending[pendingPosition - 1]) { return instant }
                    continue
                }
                let local = buffer[position]
                if local < plan.startLocal {
                    position += 1
                    continue
                }
                if local > plan.untilLocal {
                    exhausted = true
                    position = buffer.count
                    continue
                }
                let (micros, skipped) = RRuleRecurrence.instant(of: local, in: &zone)
                if pendingPosition < pending.count, pending[pendingPosition] <= micros {
                    pendingPosition += 1
                    if let instant = offer(pending[pendingPosition - 1]) { return instant }
                    continue
                }
                position += 1
                if skipped {
                    pending.append(micros)
                    continue
                }
                if let instant = offer(micros) { return instant }
            }
            return nil
        }

        /// Counts an instant unless it repeats one already given; returns it when it lies after `after`.
        @inline(__always)
        private mutating func offer(_ micros: Int64) -> Instant? {
            if micros <= last { return nil }
            if let until = plan.untilInstant, micros > until.microsecondsSinceEpoch {
                remaining = 0
                return nil
            }
            last = micros
            remaining -= 1
            return micros > after ? Instant(microsecondsSinceEpoch: micros) : nil
        }

        /// Ends the expansion when a long run of empty periods turns out to come from a day filter that no day of
        /// the 400-year Gregorian cycle passes (such as BYYEARDAY=366 with BYMONTH=1); dateutil would scan on to 9999.
        private mutating func noteEmptiness() {
            guard buffer.isEmpty else {
                emptyLoads = 0
                return
            }
            emptyLoads += 1
            if emptyLoads == 64 && plan.dayFilterNeverPasses() { exhausted = true }
        }

        /// Loads the next period's candidates, applying BYSETPOS.
        private mutating func refill() {
            buffer.removeAll(keepingCapacity: true)
            position = 0
            if pendingPosition == pending.count && !pending.isEmpty {
                pending.removeAll(keepingCapacity: true)
                pendingPosition = 0
            }
            defer { noteEmptiness() }
            guard !plan.setPositions.isEmpty && !plan.selectsWhileFilling else {
                // Without BYSETPOS periods need not be told apart: load several at once.
                defer { batch = min(2 * batch, Self.largestBatch) }
                for _ in 0..<batch where buffer.count < Self.largestBatch {
                    guard plan.fill(&buffer, period: &period, cache: &cache) else {
                        exhausted = true
                        return
                    }
                }
                return
            }
            if !plan.load(&buffer, period: &period, cache: &cache, scratch: &scratch) { exhausted = true }
        }
    }
}
