import TicklerCalendar

extension RRuleRecurrence {
    /// Where the expansion of a rule with COUNT may begin for a query whose occurrences all lie at or after the
    /// wall-clock time `target`: a period and the number of occurrences given before it.
    enum Skip {
        /// Count from the start, one period at a time.
        case none
        /// Every occurrence lies before the query.
        case exhausted
        /// Begin at `period`, `given` occurrences (instants) having been given before it.
        case resume(period: Int, given: Int)
    }

    /// Skips whole cycles and blocks of the rule (``RRuleCycle``) that end by `target` (a wall-clock time),
    /// counting their occurrences instead of listing them: cycles times candidates, plus the blocks' counts, less
    /// the candidates that a gap of the zone folds onto another one's instant (counted by listing each gap's few
    /// hours). Bounded whatever COUNT and however far `target` lies from DTSTART.
    func skip(to target: Int64, count: Int) -> Skip {
        guard let cycle = cycleCache.cycle(of: plan) else { return .none }
        let origin = plan.periodStart(0)
        guard target > origin else { return .none }
        let blocks = cycle.blockCounts.count - 1
        var cycles = Int((target - origin) / cycle.shift)
        // The last block of that cycle that starts by `target`.
        var block = 0
        var top = blocks - 1
        while block < top {
            let middle = (block + top + 1) / 2
            if plan.periodStart(cycles * cycle.periods + middle * cycle.blockPeriods) <= target {
                block = middle
            } else {
                top = middle - 1
            }
        }
        // Never stop inside a gap's reach: the times there land on instants of the times after it.
        for attempt in 0...4 {
            guard cycles > 0 || block > 0 else { return .none }
            if !gapReach(around: plan.periodStart(cycles * cycle.periods + block * cycle.blockPeriods)) { break }
            if attempt == 4 { return .none }
            if block > 0 {
                block -= 1
            } else {
                cycles -= 1
                block = blocks - 1
            }
        }
        let period = cycles * cycle.periods + block * cycle.blockPeriods
        let candidates = cycles * cycle.candidates + cycle.blockCounts[block] - cycle.dropped
        // An instant has at most two wall-clock times (one in a gap): past four times COUNT candidates, the rule
        // has ended.
        if candidates >= 4 * count { return .exhausted }
        let given = candidates - folded(before: plan.periodStart(period), cycle: cycle, origin: origin)
        return given >= count ? .exhausted : .resume(period: period, given: given)
    }

    /// The earliest wall-clock time that an occurrence after `instant` can have: the instant read with the
    /// smallest offset in force from a day before it to two days after (the day before covers a gap's times,
    /// which are read with the offset from before the gap).
    func earliestLocal(after instant: Instant) -> Int64 {
        let seconds = instant.secondsSinceEpoch
        var least = zone.offsetSeconds(at: Instant(secondsSinceEpoch: seconds - 86_400))
        let changes = zone.transitions(
            after: Instant(secondsSinceEpoch: seconds - 86_400),
            through: Instant(secondsSinceEpoch: seconds + 2 * 86_400),
            limit: 16
        )
        for change in changes { least = min(least, change.offsetAfter) }
        return seconds + Int64(least) - 1
    }

    /// The zone's gaps (clocks moving forward) whose reach, from the gap's start to as long again after its end,
    /// meets the wall-clock span `low..<high`: their start and length, local seconds.
    private func gaps(from low: Int64, to high: Int64) -> [(start: Int64, length: Int64)] {
        let transitions = zone.transitions(
            after: Instant(secondsSinceEpoch: low - 3 * 86_400),
            through: Instant(secondsSinceEpoch: high + 86_400),
            limit: 1 << 16
        )
        return transitions.compactMap { transition in
            let length = Int64(transition.offsetAfter - transition.offsetBefore)
            let start = transition.instant.secondsSinceEpoch + Int64(transition.offsetBefore)
            return length > 0 && start + 2 * length > low && start < high ? (start, length) : nil
        }
    }

    /// Whether the wall-clock time `local` lies strictly inside a gap's reach.
    private func gapReach(around local: Int64) -> Bool {
        gaps(from: local, to: local + 1).contains { $0.start < local && local < $0.start + 2 * $0.length }
    }

    /// The candidates before `end` whose instant another candidate gives already: a time in a gap becomes the
    /// instant of the time one gap length later. Gaps with the same place in the cycle and the same length fold
    /// alike once they lie past the first cycle, so each such shape is listed once.
    private func folded(before end: Int64, cycle: RRuleCycle, origin: Int64) -> Int {
        let gaps = gaps(from: plan.startLocal, to: end)
        let uniform = origin + cycle.shift
        var shapes: [Int64: [Int64: Int]] = [:]
        var total = 0
        for (index, gap) in gaps.enumerated() {
            let low = max(gap.start, plan.startLocal)
            let high = min(gap.start + 2 * gap.length, end)
            guard low < high else { continue }
            let isolated =
                (index == 0 || gaps[index - 1].start + 2 * gaps[index - 1].length < gap.start - 86_400)
                && (index == gaps.count - 1 || gap.start + 2 * gap.length < gaps[index + 1].start - 86_400)
            let whole = low == gap.start && high == gap.start + 2 * gap.length
            guard isolated && whole && low >= uniform else {
                total += repeats(from: low, to: high)
                continue
            }
            let phase = (gap.start - origin) % cycle.shift
            if let known = shapes[gap.length]?[phase] {
                total += known
                continue
            }
            let counted = repeats(from: low, to: high)
            shapes[gap.length, default: [:]][phase] = counted
            total += counted
        }
        return total
    }

    /// How many candidates in the wall-clock span `low..<high` (at or after the start) give an instant that another
    /// candidate of the span gives too.
    private func repeats(from low: Int64, to high: Int64) -> Int {
        var buffer: [Int64] = []
        var scratch: [Int64] = []
        var cache = RRulePlan.DayCache()
        var cursor = ZoneCursor(zone: zone)
        var instants: [Int64] = []
        var period = plan.period(containing: low)
        while plan.periodStart(period) < high {
            guard plan.load(&buffer, period: &period, cache: &cache, scratch: &scratch) else { break }
            for local in buffer where local >= low && local < high && local >= plan.startLocal {
                instants.append(Self.instant(of: local, in: &cursor).micros)
            }
        }
        instants.sort()
        return zip(instants, instants.dropFirst()).count { $0 == $1 }
    }

    /// The instant (microseconds) of the wall-clock second `local`, and whether it fell in a gap (then it is read
    /// with the offset from before the gap).
    @inline(__always)
    static func instant(of local: Int64, in cursor: inout ZoneCursor) -> (micros: Int64, skipped: Bool) {
        switch cursor.resolve(localMicroseconds: local * 1_000_000) {
        case .unique(let instant), .repeated(let instant, _): (instant.microsecondsSinceEpoch, false)
        case .skipped(let instant): (instant.microsecondsSinceEpoch, true)
        }
    }
}
