import TicklerCalendar

/// A rule compiled against its start for fast expansion: defaults filled in from DTSTART, parts as bit masks,
/// times of day as sorted second offsets, bounds as local seconds.
///
/// Local times are whole seconds since 1970-01-01T00:00 on the wall clock (as if the zone were UTC).
struct RRulePlan: Sendable {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    let count: Int?
    /// The start (DTSTART), local seconds; earlier candidates are dropped.
    let startLocal: Int64
    let startDate: CivilDate
    /// Inclusive wall-clock bound (UNTIL as a date or local date-time; year 9999's end otherwise).
    let untilLocal: Int64
    /// Inclusive instant bound (UNTIL in UTC).
    let untilInstant: Instant?
    /// Months 1 to 12, shared by every plan whose rule has no BYMONTH.
    private static let everyMonth = Array(1...12)
    let filter: DayFilter
    /// Months to scan in a YEARLY period, increasing.
    let months: [Int]
    /// Day-based frequencies: seconds after midnight of each occurrence in a day. Hour, minute and second
    /// frequencies: seconds after the start of the period (its hour, minute or second).
    let times: [Int64]
    /// Hour, minute and second frequencies: the allowed hours, minutes and seconds of a period's start.
    let hours: UInt32
    let minutes: UInt64
    let seconds: UInt64
    /// Hour, minute and second frequencies: the length of one step, and the start of period 0 (local seconds).
    let step: Int64
    let firstPeriodStart: Int64
    /// Day number of the first day of the week containing the start (WEEKLY).
    let firstWeekStart: Int
    let setPositions: [Int]
    /// MONTHLY with BYSETPOS, one time a day and a filter decided by month masks alone: BYSETPOS is applied to the
    /// month's day mask while filling, so that periods need not be told apart afterwards.
    let selectsWhileFilling: Bool
    let weekStart: Weekday
    /// Whether the rule can never produce an occurrence (an unreachable BYHOUR, only BYSECOND=60, …).
    let isEmpty: Bool
    /// The most candidates one period can hold before BYSETPOS (an upper bound).
    let most: Int

    /// The last wall-clock second dateutil (and so this engine) reaches: the end of year 9999.
    static let lastLocalSecond = Int64(CivilDate(unchecked: 10_000, 1, 1).daysSinceEpoch) * 86_400 - 1

    /// The first wall-clock second of the years 1–9999.
    static let firstLocalSecond = Int64(CivilDate(unchecked: 1, 1, 1).daysSinceEpoch) * 86_400

    init(rule: RecurrenceRule, start: LocalDateTime) {
        frequency = rule.frequency
        interval = rule.interval
        count = rule.count
        weekStart = rule.weekStart
        setPositions = rule.bySetPosition
        startDate = start.date
        startLocal = start.localSeconds
        switch rule.until {
        case .date(let date): untilLocal = Int64(date.daysSinceEpoch + 1) * 86_400 - 1
        case .local(let local): untilLocal = local.localSeconds
        // No zone is more than a day from UTC: a wall-clock bound two days later is safe, and spares the scan of
        // periods that cannot hold an instant before UNTIL.
        case .utc(let instant): untilLocal = min(Self.lastLocalSecond, instant.secondsSinceEpoch + 2 * 86_400)
        case nil: untilLocal = Self.lastLocalSecond
        }
        if case .utc(let instant) = rule.until { untilInstant = instant } else { untilInstant = nil }

        // Defaults from DTSTART, as RFC 5545 and dateutil derive them.
        var byMonth = rule.byMonth
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        if rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.date.month] }
                byMonthDay = [start.date.day]
            case .monthly: byMonthDay = [start.date.day]
            case .weekly: byDay = [.init(start.date.weekday)]
            default: break
            }
        }
        filter = DayFilter.shared(
            DayFilter.Parts(
                months: byMonth,
                byDay: byDay,
                monthDays: byMonthDay,
                yearDays: rule.byYearDay,
                weeks: rule.byWeekNumber,
                ordinalsInYear: rule.frequency == .yearly && byMonth.isEmpty
            )
        )
        months = byMonth.isEmpty ? Self.everyMonth : Array(Set(byMonth)).sorted()
        let byHour = rule.byHour.isEmpty && rule.frequency > .hourly ? [start.time.hour] : rule.byHour
        let byMinute = rule.byMinute.isEmpty && rule.frequency > .minutely ? [start.time.minute] : rule.byMinute
        let bySecond = rule.bySecond.isEmpty && rule.frequency > .secondly ? [start.time.second] : rule.bySecond
        hours = byHour.isEmpty ? ~0 : byHour.reduce(0) { $0 | 1 << $1 }
        minutes = byMinute.isEmpty ? ~0 : byMinute.reduce(0) { $0 | 1 << $1 }
        seconds = (bySecond.isEmpty ? ~0 : bySecond.reduce(0) { $0 | 1 << $1 }) & ~(1 << 60)
        let validSeconds = bySecond.filter { $0 < 60 }
        let stepUnit: Int64
        switch rule.frequency {
        case .secondly:
            times = [0]
            stepUnit = 1
        case .minutely:
            times = Self.combine([[0], [0], validSeconds])
            stepUnit = 60
        case .hourly:
            times = Self.combine([[0], byMinute, validSeconds])
            stepUnit = 3600
        default:
            times = Self.combine([byHour, byMinute, validSeconds])
            stepUnit = 86_400
        }
        step = stepUnit * Int64(rule.interval)
        firstPeriodStart = startLocal - floorMod(startLocal, stepUnit)
        let intoWeek = (start.date.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
        firstWeekStart = start.date.daysSinceEpoch - intoWeek
        // The most candidates one period can hold, to tell BYSETPOS positions that can never be reached.
        let weekdays = Set(byDay.map(\.weekday)).count
        var days = [.yearly: 366, .monthly: 31, .weekly: weekdays == 0 ? 7 : weekdays][rule.frequency] ?? 1
        if !rule.byYearDay.isEmpty { days = min(days, Set(rule.byYearDay).count) }
        if !byMonthDay.isEmpty {
            days = min(days, Set(byMonthDay).count * (rule.frequency == .yearly ? months.count : 1))
        }
        if !byDay.isEmpty && (rule.frequency == .monthly || rule.frequency == .yearly) {
            // A plain weekday falls at most 5 times in a month (53 in a year), a numbered one once.
            let plain = Set(byDay.filter { $0.ordinal == nil }.map(\.weekday)).count
            let numbered = Set(byDay.filter { $0.ordinal != nil }).count
            let inYear = rule.frequency == .yearly && byMonth.isEmpty
            let perMonth = 5 * plain + numbered
            days = min(days, inYear ? 53 * plain + numbered : perMonth * (rule.frequency == .yearly ? months.count : 1))
        }
        let most = days * times.count
        self.most = most
        let unreachable = rule.bySetPosition.allSatisfy { abs($0) > most }
        selectsWhileFilling =
            rule.frequency == .monthly && !rule.bySetPosition.isEmpty && times.count == 1 && !filter.needsDayCheck
        isEmpty =
            times.isEmpty || (!filter.needsDayCheck && filter.rejectsEveryMonth(months))
            || (!rule.bySetPosition.isEmpty && unreachable)
            || (rule.frequency < .daily
                && !Self.reachable(
                    hours: hours,
                    minutes: minutes,
                    seconds: seconds,
                    step: step,
                    stepUnit: stepUnit,
                    first: floorMod(firstPeriodStart, 86_400)
                ))
    }

    /// Every sum h·3600 + m·60 + s of the given hours, minutes and seconds, sorted, without repeats.
    private static func combine(_ parts: [[Int]]) -> [Int64] {
        var result = Set<Int64>()
        for h in parts[0] { for m in parts[1] { for s in parts[2] { result.insert(Int64(h * 3600 + m * 60 + s)) } } }
        return result.sorted()
    }

    /// Whether some period start on the grid `first + k·step` (seconds of the day) falls on an allowed time.
    private static func reachable(
        hours: UInt32,
        minutes: UInt64,
        seconds: UInt64,
        step: Int64,
        stepUnit: Int64,
        first: Int64
    ) -> Bool {
        let grid = gcd(step, 86_400)
        func onGrid(_ time: Int) -> Bool { (Int64(time) - first) % grid == 0 }
        for h in 0..<24 where hours & (1 << h) != 0 {
            if stepUnit == 3600 {
                if onGrid(h * 3600) { return true }
                continue
            }
            for m in 0..<60 where minutes & (1 << m) != 0 {
                if stepUnit == 60 {
                    if onGrid(h * 3600 + m * 60) { return true }
                    continue
                }
                for s in 0..<60 where seconds & (1 << s) != 0 && onGrid(h * 3600 + m * 60 + s) { return true }
            }
        }
        return false
    }

    /// The greatest common divisor of `a ≥ 0` and `b ≥ 0`.
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
}
