import TicklerCalendar

/// The month starts and month numbers of one lunisolar calendar over its supported years, computed once.
///
/// Built from the astronomy by the rules the Vietnamese and Chinese calendars share:
/// - a month starts on the local day (at the calendar's UTC offset) of a true new moon;
/// - the month that contains the December solstice is month 11;
/// - when 13 months lie between two such months, the first of them (after month 11) in which no principal solar term
///   (a multiple of 30° of solar longitude) falls is the leap month and repeats the previous month's number.
///
/// Lookups are constant time: the table is a few thousand 32-bit day numbers.
struct MonthTable: Sendable, Equatable {
    /// The calendar, which says at what offset from UTC days are counted.
    let kind: LunarCalendarKind
    /// The first lunar year of the table.
    let firstYear: Int
    /// The last lunar year of the table.
    let lastYear: Int
    /// Day numbers (days since 1970-01-01) of each month's first day; the last entry is month 1 of `lastYear + 1`.
    let starts: [Int32]
    /// Each month's number, with ``leapFlag`` set for a leap month.
    let labels: [UInt8]
    /// For each year from `firstYear` through `lastYear + 1`, the index in `starts` of its month 1.
    let yearStarts: [Int32]

    /// The bit that marks a leap month in `labels`.
    static let leapFlag: UInt8 = 0x80

    /// Computes the table of `kind` for `years`.
    init(kind: LunarCalendarKind, years: ClosedRange<Int>) {
        self.kind = kind
        firstYear = years.lowerBound
        lastYear = years.upperBound

        // Solstices of December firstYear-1 … lastYear+1 bound the solstice-to-solstice spans we label.
        let solsticeYears = (firstYear - 1)...(lastYear + 1)
        let solstices = solsticeYears.map { year in
            SunPosition.jde(whenLongitudeIs: 270, near: Self.julianDay(year: year, month: 12, day: 21))
        }
        let solsticeDays = solstices.map { Self.localDay(ofDynamical: $0, kind: kind) }

        let firstLunation = NewMoon.lunation(near: solstices[0] - 35)
        let lastLunation = NewMoon.lunation(near: solstices[solstices.count - 1]) + 2
        let moonDays = (firstLunation...lastLunation).map {
            Self.localDay(ofDynamical: NewMoon.jde(lunation: $0), kind: kind)
        }

        // Index of the month containing each solstice: month 11.
        let month11 = solsticeDays.map { solsticeDay in moonDays.lastIndex { $0 <= solsticeDay }! }
        var labels = [UInt8](repeating: 0, count: moonDays.count)
        for span in 1..<solstices.count {
            let first = month11[span - 1]
            let end = month11[span]
            let leapIndex =
                end - first == 13
                ? Self.firstMonthWithoutPrincipalTerm(
                    months: (first + 1)..<end,
                    moonDays: moonDays,
                    after: solstices[span - 1],
                    kind: kind
                ) : nil
            var month: UInt8 = 11
            labels[first] = month
            for index in (first + 1)..<end {
                if index == leapIndex {
                    labels[index] = month | Self.leapFlag
                } else {
                    month = month % 12 + 1
                    labels[index] = month
                }
            }
        }

        // Keep month 1 of firstYear through month 1 of lastYear + 1.
        let yearOneIndices = labels.indices.filter { labels[$0] == 1 }
        let firstIndex = yearOneIndices[0]
        let lastIndex = yearOneIndices[years.count]
        self.starts = moonDays[firstIndex...lastIndex].map { Int32($0) }
        self.labels = Array(labels[firstIndex...lastIndex])
        self.yearStarts = yearOneIndices[0...years.count].map { Int32($0 - firstIndex) }
    }

    /// The local day on which a dynamical-time instant falls.
    private static func localDay(ofDynamical jde: Double, kind: LunarCalendarKind) -> Int {
        let ut = JulianDay.universalTime(fromDynamical: jde)
        return JulianDay.localDay(ut: ut, utcOffsetSeconds: kind.utcOffsetSeconds(atUniversalJulianDay: ut))
    }

    /// The index of the first month in `months` on none of whose days a principal term falls.
    private static func firstMonthWithoutPrincipalTerm(
        months: Range<Int>,
        moonDays: [Int],
        after solstice: Double,
        kind: LunarCalendarKind
    ) -> Int? {
        // The eleven principal terms after the solstice (300°, 330°, 0°, … 240°), then the next solstice.
        let termDays = (1...12).map { step in
            let longitude = Double((270 + 30 * step) % 360)
            let jde = SunPosition.jde(whenLongitudeIs: longitude, near: solstice + 30.436_875 * Double(step))
            return localDay(ofDynamical: jde, kind: kind)
        }
        return months.first { index in
            !termDays.contains { moonDays[index] <= $0 && $0 < moonDays[index + 1] }
        }
    }

    /// The Julian day (noon) of a Gregorian date.
    private static func julianDay(year: Int, month: Int, day: Int) -> Double {
        JulianDay.unixEpoch + 0.5 + Double(CivilDate(unchecked: year, month, day).daysSinceEpoch)
    }

    // MARK: - Lookups

    /// The first day (days since 1970-01-01) the table covers: month 1 day 1 of `firstYear`.
    var firstDay: Int { Int(starts[0]) }

    /// The day after the last day the table covers: month 1 day 1 of `lastYear + 1`.
    var endDay: Int { Int(starts[starts.count - 1]) }

    /// The lunar date of a day number, or nil outside the table.
    func lunarDate(day: Int) -> LunarDate? {
        guard day >= firstDay, day < endDay else { return nil }
        var index = min(Int(Double(day - firstDay) / NewMoon.synodicMonth), starts.count - 2)
        while Int(starts[index]) > day { index -= 1 }
        while Int(starts[index + 1]) <= day { index += 1 }
        var year = firstYear + Int(Double(index) / 12.368_27)
        while year > firstYear, Int(yearStarts[year - firstYear]) > index { year -= 1 }
        while Int(yearStarts[year - firstYear + 1]) <= index { year += 1 }
        let label = labels[index]
        return LunarDate(
            unchecked: year,
            Int(label & ~Self.leapFlag),
            day - Int(starts[index]) + 1,
            isLeapMonth: label & Self.leapFlag != 0
        )
    }

    /// The index in `starts` of a month, or nil when the year is outside the table or has no such (leap) month.
    func monthIndex(year: Int, month: Int, isLeapMonth: Bool) -> Int? {
        guard year >= firstYear, year <= lastYear, (1...12).contains(month) else { return nil }
        let first = Int(yearStarts[year - firstYear])
        let end = Int(yearStarts[year - firstYear + 1])
        // Months are in order, so the regular month m sits at offset m-1 or m (after a leap month).
        for index in (first + month - 1)..<min(first + month + 1, end) {
            let label = labels[index]
            if Int(label & ~Self.leapFlag) == month, (label & Self.leapFlag != 0) == isLeapMonth { return index }
        }
        return nil
    }

    /// The day number of a month's first day and the month's length in days.
    func month(at index: Int) -> (firstDay: Int, length: Int) {
        (Int(starts[index]), Int(starts[index + 1] - starts[index]))
    }

    /// The leap month of a lunar year (its number), or nil when the year has twelve months or is outside the table.
    func leapMonth(year: Int) -> Int? {
        guard year >= firstYear, year <= lastYear else { return nil }
        for index in Int(yearStarts[year - firstYear])..<Int(yearStarts[year - firstYear + 1])
        where labels[index] & Self.leapFlag != 0 {
            return Int(labels[index] & ~Self.leapFlag)
        }
        return nil
    }
}
