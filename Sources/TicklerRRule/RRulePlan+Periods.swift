import TicklerCalendar

extension RRulePlan {
    /// The day last looked at, kept between periods so that consecutive days cost a few additions.
    struct DayCache {
        private var context: DayContext?
        private var dayNumber = Int.min
        private var accepted = false

        /// Whether the day passes `filter` (which must not use BYWEEKNO).
        @inline(__always)
        mutating func accepts(_ day: Int, _ filter: DayFilter) -> Bool {
            if filter.acceptsEveryDay { return true }
            if day == dayNumber { return accepted }
            if var context, day > context.dayNumber, context.day + day - context.dayNumber <= context.daysInMonth {
                context.advance(by: day - context.dayNumber)
                self.context = context
            } else {
                context = DayContext(dayNumber: day)
            }
            dayNumber = day
            accepted = filter.accepts(context!, weeks: nil)
            return accepted
        }
    }

    /// The index of the period that contains the wall-clock time `local` (0 when it lies before the start).
    func period(containing local: Int64) -> Int {
        let day = Int(floorDiv(local, 86_400))
        let index: Int
        switch frequency {
        case .yearly: index = floorDiv(CivilDate(daysSinceEpoch: day).year - startDate.year, interval)
        case .monthly:
            let date = CivilDate(daysSinceEpoch: day)
            index = floorDiv((date.year - startDate.year) * 12 + date.month - startDate.month, interval)
        case .weekly: index = floorDiv(floorDiv(day - firstWeekStart, 7), interval)
        case .daily: index = floorDiv(day - startDate.daysSinceEpoch, interval)
        case .hourly, .minutely, .secondly: index = Int(floorDiv(local - firstPeriodStart, step))
        }
        return max(0, index)
    }

    /// Appends the candidates of period `period` (wall-clock seconds, increasing) to `buffer` and moves `period`
    /// on to the next period worth looking at. Returns false once periods lie past the rule's last possible time.
    func fill(_ buffer: inout [Int64], period: inout Int, cache: inout DayCache) -> Bool {
        switch frequency {
        case .yearly:
            let year = startDate.year + period * interval
            guard year <= 9999, Int64(CivilDate(unchecked: year, 1, 1).daysSinceEpoch) * 86_400 <= untilLocal else {
                return false
            }
            let weeks = filter.hasWeeks ? WeekNumbering(year: year, weekStart: weekStart) : nil
            for month in months { scanMonth(year: year, month: month, weeks: weeks, into: &buffer) }
        case .monthly:
            let index = startDate.year * 12 + startDate.month - 1 + period * interval
            let year = index / 12
            let month = index % 12 + 1
            guard year <= 9999, Int64(CivilDate(unchecked: year, month, 1).daysSinceEpoch) * 86_400 <= untilLocal else {
                return false
            }
            if filter.allows(month: month) {
                if selectsWhileFilling {
                    appendSelectedDays(year: year, month: month, into: &buffer)
                } else {
                    scanMonth(year: year, month: month, weeks: nil, into: &buffer)
                }
            }
        case .weekly, .daily:
            let first =
                frequency == .weekly
                ? firstWeekStart + period * interval * 7
                : startDate.daysSinceEpoch + period * interval
            guard Int64(first) * 86_400 <= untilLocal else { return false }
            for day in first..<first + (frequency == .weekly ? 7 : 1) where cache.accepts(day, filter) {
                append(day: day, into: &buffer)
            }
            if frequency == .daily, let skip = firstDayOfNextAllowedMonth(after: first) {
                period = max(period + 1, (skip - startDate.daysSinceEpoch + interval - 1) / interval)
                return true
            }
        case .hourly, .minutely, .secondly:
            return fillTime(&buffer, period: &period, cache: &cache)
        }
        period += 1
        return true
    }

    /// Appends the times of `day` that pass the day's filter.
    @inline(__always)
    private func append(day: Int, into buffer: inout [Int64]) {
        let midnight = Int64(day) * 86_400
        for time in times { buffer.append(midnight + time) }
    }

    /// Appends the candidates of every day of one month that passes the filter.
    private func scanMonth(year: Int, month: Int, weeks: WeekNumbering?, into buffer: inout [Int64]) {
        let context = DayContext(year: year, month: month)
        var days = filter.days(firstWeekday: context.weekday, length: context.daysInMonth)
        while days != 0 {
            let day = days.trailingZeroBitCount
            days &= days - 1
            if filter.needsDayCheck {
                var dayContext = context
                dayContext.advance(by: day - 1)
                guard filter.accepts(dayContext, weeks: weeks) else { continue }
            }
            append(day: context.dayNumber + day - 1, into: &buffer)
        }
    }

    /// Appends the days of one month that BYSETPOS picks among those passing the filter (``selectsWhileFilling``).
    private func appendSelectedDays(year: Int, month: Int, into buffer: inout [Int64]) {
        let context = DayContext(year: year, month: month)
        let days = filter.days(firstWeekday: context.weekday, length: context.daysInMonth)
        let count = days.nonzeroBitCount
        var chosen: UInt32 = 0
        for position in setPositions {
            let index = position > 0 ? position - 1 : count + position
            guard index >= 0 && index < count else { continue }
            var rest = days
            for _ in 0..<index { rest &= rest - 1 }
            chosen |= rest & (~rest &+ 1)
        }
        while chosen != 0 {
            append(day: context.dayNumber + chosen.trailingZeroBitCount - 1, into: &buffer)
            chosen &= chosen - 1
        }
    }

    /// Hour, minute and second frequencies: finds the next period at or after `period` whose day, hour, minute
    /// and second are allowed, and appends its candidates.
    /// Gives up (with nothing appended) after some hundred periods, so that the caller can tell an empty rule.
    private func fillTime(_ buffer: inout [Int64], period: inout Int, cache: inout DayCache) -> Bool {
        for _ in 0..<512 {
            let start = firstPeriodStart + Int64(period) * step
            guard start <= untilLocal else { return false }
            let day = Int(floorDiv(start, 86_400))
            let midnight = Int64(day) * 86_400
            let time = start - midnight
            // The next period worth looking at: after this one, or the first of the next day, hour or minute.
            var next: Int64? = nil
            if !cache.accepts(day, filter) {
                next = Int64(firstDayOfNextAllowedMonth(after: day) ?? day + 1) * 86_400
            } else if hours & (1 << (time / 3600)) == 0 {
                next = frequency == .hourly ? nil : start - time % 3600 + 3600
            } else if frequency < .hourly && minutes & (1 << (time / 60 % 60)) == 0 {
                next = frequency == .minutely ? nil : start - time % 60 + 60
            } else if frequency == .secondly && seconds & (1 << (time % 60)) == 0 {
                next = nil
            } else {
                for offset in times { buffer.append(start + offset) }
                period += 1
                return true
            }
            if let next {
                period = max(period + 1, Int((next - firstPeriodStart + step - 1) / step))
            } else {
                period += 1
            }
        }
        return true
    }

    /// The first day of the next month that BYMONTH allows, when the month of `day` is not allowed.
    private func firstDayOfNextAllowedMonth(after day: Int) -> Int? {
        guard filter.restrictsMonths else { return nil }
        let date = CivilDate(daysSinceEpoch: day)
        guard !filter.allows(month: date.month) else { return nil }
        var index = date.year * 12 + date.month
        while !filter.allows(month: index % 12 + 1) { index += 1 }
        return CivilDate(unchecked: index / 12, index % 12 + 1, 1).daysSinceEpoch
    }

    /// Whether no day of a whole 400-year Gregorian cycle passes the day filter, so that the rule is empty.
    func dayFilterNeverPasses() -> Bool {
        var found = false
        for year in 2000..<2400 where !found {
            let weeks = filter.hasWeeks ? WeekNumbering(year: year, weekStart: weekStart) : nil
            var buffer: [Int64] = []
            for month in months where buffer.isEmpty {
                scanMonth(year: year, month: month, weeks: weeks, into: &buffer)
            }
            found = !buffer.isEmpty
        }
        return !found
    }
}
