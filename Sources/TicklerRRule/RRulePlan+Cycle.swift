import TicklerCalendar

extension RRulePlan {
    /// The shape of the rule's cycle: its length in periods and in wall-clock seconds, and whether listing one
    /// cycle stays within ``RRuleCycle/budget``; the shift is nil when it is longer than the years 1–9999.
    var cycleShape: (periods: Int64, shift: Int64?, affordable: Bool) {
        let day: Int64 = 86_400
        let gregorianDays: Int64 = 146_097
        let n = Int64(interval)
        var periods: Int64
        var shift: Int64?
        switch frequency {
        case .yearly:
            periods = 400 / Self.gcd(n, 400)
            shift = multiplied(periods * n / 400, gregorianDays * day)
        case .monthly:
            periods = 4800 / Self.gcd(n, 4800)
            shift = multiplied(periods * n / 4800, gregorianDays * day)
        case .weekly, .daily:
            let length = frequency == .weekly ? 7 * n : n
            // Without BYMONTH (the only part WEEKLY and DAILY share that depends on more than the weekday or the
            // day), every period of a WEEKLY rule is alike; a DAILY rule without day parts too.
            let alike = frequency == .weekly ? !filter.restrictsMonths : filter.acceptsEveryDay
            periods = alike ? 1 : gregorianDays / Self.gcd(length % gregorianDays, gregorianDays)
            shift = multiplied(periods, length * day)
        case .hourly, .minutely, .secondly:
            // Period starts fall on the same times of day again after lcm(step, 1 day); with day parts, after
            // lcm(step, 400 years).
            let span = filter.acceptsEveryDay ? day : gregorianDays * day
            periods = span / Self.gcd(step % span, span)
            shift = multiplied(periods, step)
        }
        let perPeriod = Int64(most) + 1
        let affordable = periods <= Int64(RRuleCycle.budget) && periods * perPeriod <= Int64(RRuleCycle.budget)
        return (periods, shift.flatMap { $0 <= Self.lastLocalSecond - Self.firstLocalSecond ? $0 : nil }, affordable)
    }

    /// Whether a query after any instant costs bounded work whatever COUNT: the rule's cycle can be counted, or
    /// the years 1–9999 hold so few periods that listing them all stays within ``RRuleCycle/budget``.
    var countsInBulk: Bool {
        if isEmpty || cycleShape.affordable { return true }
        let range = Self.lastLocalSecond - Self.firstLocalSecond
        let shortest: Int64 =
            switch frequency {
            case .yearly: 365 * 86_400
            case .monthly: 28 * 86_400
            case .weekly: 7 * 86_400
            case .daily: 86_400
            case .hourly, .minutely, .secondly: 1
            }
        let length = frequency < .daily ? step : shortest * Int64(interval)
        return range / length * (Int64(most) + 1) <= Int64(RRuleCycle.budget)
    }

    /// The start of period `period`, wall-clock seconds.
    func periodStart(_ period: Int) -> Int64 {
        let day: Int64 = 86_400
        switch frequency {
        case .yearly: return Int64(CivilDate(unchecked: startDate.year + period * interval, 1, 1).daysSinceEpoch) * day
        case .monthly:
            let index = startDate.year * 12 + startDate.month - 1 + period * interval
            return Int64(CivilDate(unchecked: index / 12, index % 12 + 1, 1).daysSinceEpoch) * day
        case .weekly: return Int64(firstWeekStart + period * interval * 7) * day
        case .daily: return Int64(startDate.daysSinceEpoch + period * interval) * day
        case .hourly, .minutely, .secondly: return firstPeriodStart + Int64(period) * step
        }
    }

    /// Counts one cycle of candidates by listing it (once per rule), or nil when the rule cannot be counted in
    /// bulk: too costly, longer than the years 1–9999, or reaching past them.
    func cycle() -> RRuleCycle? {
        let shape = cycleShape
        guard !isEmpty, shape.affordable, let shift = shape.shift else { return nil }
        let periods = Int(shape.periods)
        var buffer: [Int64] = []
        var scratch: [Int64] = []
        var cache = DayCache()
        // Period 0: the candidates before DTSTART, which the expansion drops.
        var period = 0
        guard load(&buffer, period: &period, cache: &cache, scratch: &scratch) else { return nil }
        let dropped = buffer.count(where: { $0 < startLocal })
        // Cycle 1, whole: [periodStart(P), periodStart(2P)).
        let low = periodStart(periods)
        let high = low + shift
        guard high <= untilLocal else { return nil }
        let (blocks, length) = RRuleCycle.blocks(of: periods)
        var perBlock: [Int]
        if frequency < .daily && filter.acceptsEveryDay {
            perBlock = timedCandidates(periods: periods, blockLength: length)
        } else {
            // The blocks' wall-clock bounds, to tell which block a candidate belongs to.
            let bounds = (0...blocks).map { periodStart(periods + min($0 * length, periods)) }
            perBlock = Array(repeating: 0, count: blocks)
            period = periods
            var work = 0
            while periodStart(period) < high {
                guard load(&buffer, period: &period, cache: &cache, scratch: &scratch) else { return nil }
                for local in buffer where local >= low && local < high {
                    var block = 0
                    var top = blocks - 1
                    while block < top {
                        let middle = (block + top + 1) / 2
                        if bounds[middle] <= local { block = middle } else { top = middle - 1 }
                    }
                    perBlock[block] += 1
                }
                work += 1 + buffer.count
                guard work <= 4 * RRuleCycle.budget else { return nil }
            }
        }
        var counts = [0]
        for value in perBlock { counts.append(counts[counts.count - 1] + value) }
        return RRuleCycle(
            periods: periods,
            shift: shift,
            candidates: counts[blocks],
            dropped: dropped,
            blockPeriods: length,
            blockCounts: counts
        )
    }

    /// Hour, minute and second frequencies without day parts: the candidates of each block of `blockLength` of
    /// `periods` consecutive periods (a whole cycle), counted from the periods' times of day without listing them —
    /// the periods whose start has an allowed hour (minute, second) each give the period's times, BYSETPOS applied.
    private func timedCandidates(periods: Int, blockLength: Int) -> [Int] {
        let n = times.count
        let perPeriod =
            setPositions.isEmpty || selectsWhileFilling
            ? n : Set(setPositions.map { $0 > 0 ? $0 - 1 : n + $0 }.filter { $0 >= 0 && $0 < n }).count
        var perBlock = Array(repeating: 0, count: (periods + blockLength - 1) / blockLength)
        var time = floorMod(firstPeriodStart, 86_400)
        let advance = floorMod(step, 86_400)
        for index in 0..<periods {
            if hours & (1 << (time / 3600)) != 0 && (frequency == .hourly || minutes & (1 << (time / 60 % 60)) != 0)
                && (frequency != .secondly || seconds & (1 << (time % 60)) != 0)
            {
                perBlock[index / blockLength] += perPeriod
            }
            time += advance
            if time >= 86_400 { time -= 86_400 }
        }
        return perBlock
    }

    /// Replaces `buffer` with the candidates of the next period worth looking at from `period` on, BYSETPOS
    /// applied, and moves `period` past it. Returns false once periods lie past the rule's last possible time.
    func load(_ buffer: inout [Int64], period: inout Int, cache: inout DayCache, scratch: inout [Int64]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        guard fill(&buffer, period: &period, cache: &cache) else { return false }
        guard !setPositions.isEmpty && !selectsWhileFilling && !buffer.isEmpty else { return true }
        scratch.removeAll(keepingCapacity: true)
        for position in setPositions {
            let index = position > 0 ? position - 1 : buffer.count + position
            if index >= 0 && index < buffer.count { scratch.append(buffer[index]) }
        }
        scratch.sort()
        buffer.removeAll(keepingCapacity: true)
        for value in scratch where buffer.last != value { buffer.append(value) }
        return true
    }

    /// `a · b`, or nil when it overflows.
    private func multiplied(_ a: Int64, _ b: Int64) -> Int64? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }
}
