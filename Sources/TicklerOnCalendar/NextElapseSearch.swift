import TicklerCalendar

/// Finds the next time a ``CalendarEvent`` elapses after a base time, step for step as systemd 252 does.
///
/// The search walks the fields from the year down; at each field it moves to the earliest matching value, and
/// when a field has no match left it carries into the next larger field. After each step it normalizes the
/// reading: when normalization moves it (a day past the month's end, an hour in a daylight-saving gap) the
/// search continues from the normalized reading, and it never moves backward. All arithmetic is on integers.
struct NextElapseSearch {
    let event: CalendarEvent
    var converter: LocalTimeConverter

    /// The latest year systemd computes.
    static let lastYear = 2199
    /// systemd's safety valve against searches that do not converge.
    static let maximumSteps = 1000

    /// The outcome of checking a reading against normalization.
    private enum Bounds {
        case within
        case moved
        case outside
    }

    init(event: CalendarEvent, zone: ZoneRules) {
        self.event = event
        switch event.zone {
        case .utc: converter = LocalTimeConverter(rules: nil)
        case .named(let rules): converter = LocalTimeConverter(rules: rules)
        case .local: converter = LocalTimeConverter(rules: zone)
        }
    }

    /// The instant after which no reading lies in ``lastYear`` or before in any zone: 2200-01-01T00:00Z plus a day.
    static let searchEnd = Instant(
        microsecondsSinceEpoch: Int64(CivilDate(unchecked: lastYear + 1, 1, 1).daysSinceEpoch + 1) * 86_400_000_000
    )

    /// The first elapse strictly after `base`, or nil when the event never elapses again.
    ///
    /// A base past ``searchEnd`` has none; one before year 1 is searched from year 1 (``Limits/instants``), so the
    /// zone is never asked about instants far outside the calendar.
    mutating func next(after base: Instant) -> Instant? {
        guard base < Self.searchEnd else { return nil }
        let start = max(base, Limits.instants.lowerBound).microsecondsSinceEpoch + 1
        let seconds = start >= 0 ? start / 1_000_000 : (start - 999_999) / 1_000_000
        var microsecond = Int(start - seconds * 1_000_000)
        var time = converter.reading(atUTCSeconds: seconds)
        guard search(&time, &microsecond) else { return nil }
        let utc = converter.normalize(&time)
        return Instant(microsecondsSinceEpoch: utc * 1_000_000 + Int64(microsecond))
    }

    /// Moves `time` to the earliest matching reading at or after it; false when there is none.
    private mutating func search(_ time: inout BrokenDownTime, _ microsecond: inout Int) -> Bool {
        let origin = time
        let originMicrosecond = microsecond
        // Once a result fell on or before the origin (a daylight-saving change made normalization go back), the
        // search moves on by an hour and keeps the offset of each normalized reading as its hint from then on.
        var keepHints = false
        for _ in 0..<Self.maximumSteps {
            _ = converter.normalize(&time)
            if !keepHints { time.offsetHint = nil }

            var value = time.year
            var found = match(event.year, &value, in: time, isDay: false)
            if found == 1 { time = reset(time, year: value, month: 0, day: 1, &microsecond) }
            guard found >= 0, bounds(&time) == .within else { return false }

            value = time.month + 1
            found = match(event.month, &value, in: time, isDay: false)
            if found == 1 { time = reset(time, year: time.year, month: value - 1, day: 1, &microsecond) }
            switch settle(found, &time) {
            case .outside:
                time = reset(time, year: time.year + 1, month: 0, day: 1, &microsecond)
                continue
            case .moved: continue
            case .within: break
            }

            value = time.day
            found = match(event.day, &value, in: time, isDay: true)
            if found == 1 { time = reset(time, year: time.year, month: time.month, day: value, &microsecond) }
            switch settle(found, &time) {
            case .outside:
                time = reset(time, year: time.year, month: time.month + 1, day: 1, &microsecond)
                continue
            case .moved: continue
            case .within: break
            }

            if !matchesWeekday(time) {
                time = reset(time, year: time.year, month: time.month, day: time.day + 1, &microsecond)
                continue
            }

            value = time.hour
            found = match(event.hour, &value, in: time, isDay: false)
            if found == 1 {
                time.hour = value
                time.minute = 0
                time.second = 0
                microsecond = 0
            }
            switch settle(found, &time) {
            case .outside:
                time = reset(time, year: time.year, month: time.month, day: time.day + 1, &microsecond)
                continue
            case .moved: continue
            case .within: break
            }

            value = time.minute
            found = match(event.minute, &value, in: time, isDay: false)
            if found == 1 {
                time.minute = value
                time.second = 0
                microsecond = 0
            }
            switch settle(found, &time) {
            case .outside:
                time.hour += 1
                time.minute = 0
                time.second = 0
                microsecond = 0
                continue
            case .moved: continue
            case .within: break
            }

            value = time.second * 1_000_000 + microsecond
            found = match(event.second, &value, in: time, isDay: false)
            if found >= 0 {
                time.second = value / 1_000_000
                microsecond = value % 1_000_000
            }
            switch settle(found, &time) {
            case .outside:
                time.minute += 1
                time.second = 0
                microsecond = 0
            case .moved: continue
            case .within:
                var order = origin.fieldOrder(comparedTo: time).order
                if order == 0 { order = originMicrosecond < microsecond + 1 ? -1 : 1 }
                guard order >= 0 else { return true }
                keepHints = true
                time.hour += 1
            }
        }
        return false
    }

    /// The bounds of `time` after a field step, or outside when the step `found` nothing.
    private mutating func settle(_ found: Int, _ time: inout BrokenDownTime) -> Bounds {
        found < 0 ? .outside : bounds(&time)
    }

    /// A reading on `year`-`month`-`day` at midnight.
    private func reset(
        _ time: BrokenDownTime,
        year: Int,
        month: Int,
        day: Int,
        _ microsecond: inout Int
    ) -> BrokenDownTime {
        var result = time
        result.year = year
        result.month = month
        result.day = day
        result.hour = 0
        result.minute = 0
        result.second = 0
        microsecond = 0
        return result
    }

    /// Normalizes a copy of `time`: within range, moved forward (then `time` becomes the moved reading, with the
    /// field below the one that changed reset), or outside (past 2199, or normalization would go backward).
    private mutating func bounds(_ time: inout BrokenDownTime) -> Bounds {
        guard time.year <= Self.lastYear else { return .outside }
        var normalized = time
        _ = converter.normalize(&normalized)
        let (field, order) = normalized.fieldOrder(comparedTo: time)
        switch field {
        case 0: normalized.month = 0
        case 1: normalized.day = 1
        case 2: normalized.hour = 0
        case 3: normalized.minute = 0
        case 4: normalized.second = 0
        default: break
        }
        if order < 0 { return .outside }
        if order > 0 {
            time = normalized
            return .moved
        }
        return .within
    }

    /// Moves `value` to the earliest value of `chain` at or after it: 0 when it already matches, 1 when it moved,
    /// -1 when nothing is left. A nil chain matches anything.
    private mutating func match(
        _ chain: [CalendarComponent]?,
        _ value: inout Int,
        in time: BrokenDownTime,
        isDay: Bool
    ) -> Int {
        guard let chain else { return 0 }
        let fromEnd = isDay && event.endOfMonth
        var best = -1
        for component in chain {
            var start = component.start
            var stop = component.stop
            if fromEnd {
                start = dayBeforeEnd(of: time, component.start)
                stop = dayBeforeEnd(of: time, component.stop)
                if stop > 0 { swap(&start, &stop) }
            }
            if start >= value {
                if best < 0 || start < best { best = start }
            } else if component.repeat > 0 {
                let steps = (value - start + component.repeat - 1) / component.repeat
                let candidate = start + component.repeat * steps
                if (best < 0 || candidate < best) && (stop < 0 || candidate <= stop) { best = candidate }
            }
        }
        guard best >= 0 else { return -1 }
        defer { value = best }
        return value == best ? 0 : 1
    }

    /// The day of the month that lies `count - 1` days before the last day of `time`'s month, or -1 when that
    /// falls outside the month.
    private mutating func dayBeforeEnd(of time: BrokenDownTime, _ count: Int) -> Int {
        var probe = time
        probe.month += 1
        probe.day = 1 - count
        _ = converter.normalize(&probe)
        let month = ((time.month % 12) + 12) % 12
        return probe.month == month ? probe.day : -1
    }

    /// Whether the day of a reading is one of the event's weekdays.
    private mutating func matchesWeekday(_ time: BrokenDownTime) -> Bool {
        guard event.weekdays != CalendarEvent.allWeekdays else { return true }
        var normalized = time
        _ = converter.normalize(&normalized)
        return event.weekdays & (1 << (normalized.weekday.rawValue - 1)) != 0
    }
}
