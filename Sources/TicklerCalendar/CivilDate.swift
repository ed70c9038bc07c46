/// A day of the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Arithmetic works on a day count from 1970-01-01 (``daysSinceEpoch``), computed with
/// era-based integer formulas, so conversions cost a handful of integer operations.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored in eight bytes: a date is held by every recurrence, due time and occurrence key, and three words
    // each would make them more than twice as large (a year beyond ±2^31 is clamped: no calendar reaches it).
    @usableFromInline let storedYear: Int32
    @usableFromInline let storedMonth: UInt8
    @usableFromInline let storedDay: UInt8

    /// The year; year 0 is 1 BC, as ISO 8601 counts.
    @inlinable public var year: Int { Int(storedYear) }
    /// The month, 1…12.
    @inlinable public var month: Int { Int(storedMonth) }
    /// The day of the month, 1…31.
    @inlinable public var day: Int { Int(storedDay) }

    /// Creates a date, or nil when the month or day does not exist (30 February, month 13) or the year lies outside
    /// ``Limits/years`` (1–9999).
    public init?(year: Int, month: Int, day: Int) {
        guard Limits.years.contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Creates a date from parts the caller has already validated.
    @inlinable
    public init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = UInt8(clamping: month)
        storedDay = UInt8(clamping: day)
    }

    /// Creates the date that lies `days` days after 1970-01-01 (negative: before it).
    @inlinable
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days from 1970-01-01 to this date.
    @inlinable
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week.
    @inlinable
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let index = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: index + 1)!
    }

    /// The day of the year, 1…366.
    @inlinable
    public var dayOfYear: Int {
        daysSinceEpoch - CivilDate(unchecked: year, 1, 1).daysSinceEpoch + 1
    }

    /// Whether `year` has a 29 February.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year`.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The number of days in `year`.
    @inlinable
    public static func daysInYear(_ year: Int) -> Int { isLeapYear(year) ? 366 : 365 }

    /// The date `days` days later (negative: earlier).
    @inlinable
    public func adding(days: Int) -> CivilDate {
        days == 0 ? self : CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day `months` calendar months later; a day missing there (31 April, 29 February) becomes the month's last day.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CivilDate(unchecked: newYear, newMonth, min(day, CivilDate.daysInMonth(year: newYear, month: newMonth)))
    }

    /// The date `days` days later (negative: earlier), or nil when it falls outside ``Limits/years``; never overflows.
    public func addingWithinLimits(days: Int) -> CivilDate? {
        let span = Limits.lastDate.daysSinceEpoch - Limits.firstDate.daysSinceEpoch
        guard Limits.contains(self), days.magnitude <= UInt(span), case let date = adding(days: days),
            Limits.contains(date)
        else {
            return nil
        }
        return date
    }

    /// The same day `months` calendar months later, as ``adding(months:)``, or nil when it falls outside
    /// ``Limits/years``; never overflows.
    public func addingWithinLimits(months: Int) -> CivilDate? {
        guard Limits.contains(self), months.magnitude <= UInt(12 * Limits.years.count),
            case let date = adding(months: months),
            Limits.contains(date)
        else { return nil }
        return date
    }

    /// The first day of this date's month.
    public var firstOfMonth: CivilDate { CivilDate(unchecked: year, month, 1) }

    /// `YYYY-MM-DD`.
    public var description: String {
        DateTextWriter.string(capacity: DateTextWriter.length(of: self)) { $0.date(self) }
    }

    /// Parses `YYYY-MM-DD` (years 0001–9999), or returns nil.
    ///
    /// Ten bytes read in place (a schedule has a date or two in each obligation); inlinable, so that it is
    /// specialized for the caller's string type rather than walking the bytes through generic witnesses.
    @inlinable
    public init?(iso text: some StringProtocol) {
        var fields = (year: 0, month: 0, day: 0)
        var offset = 0
        for byte in text.utf8 {
            switch offset {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                let digit = Int(byte &- 0x30)
                if offset < 4 {
                    fields.year = fields.year &* 10 &+ digit
                } else if offset < 7 {
                    fields.month = fields.month &* 10 &+ digit
                } else {
                    fields.day = fields.day &* 10 &+ digit
                }
            default:
                return nil
            }
            offset &+= 1
        }
        guard offset == 10 else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
