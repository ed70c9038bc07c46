import TicklerCalendar

/// Wall-clock fields held the way C's `struct tm` holds them: any field may lie out of range until the
/// reading is normalized, so stepping "one month on" is just `month += 1`.
struct BrokenDownTime: Hashable {
    /// The full year.
    var year: Int
    /// The month counted from 0 (January), as `tm_mon`.
    var month: Int
    /// The day of the month, from 1.
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// The UTC offset this reading was taken with, when known (the role of `tm_isdst`); it picks one of the two
    /// instants of a repeated wall-clock time.
    var offsetHint: Int?
    /// The UTC seconds of the reading the hint was taken from, which tell whether it was daylight-saving time.
    var hintSeconds: Int64 = 0

    /// Seconds from 1970-01-01T00:00 on the same wall clock, with out-of-range fields carried over.
    var localSeconds: Int64 {
        let carry = month >= 0 ? month / 12 : (month - 11) / 12
        let first = CivilDate(unchecked: year + carry, month - carry * 12 + 1, 1).daysSinceEpoch
        let days = Int64(first + day - 1)
        return days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }

    /// The reading of a wall-clock time given in seconds from 1970-01-01T00:00, taken with `offset`.
    init(localSeconds: Int64, offset: Int?) {
        hintSeconds = localSeconds - Int64(offset ?? 0)
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        let date = CivilDate(daysSinceEpoch: Int(days))
        let secondOfDay = Int(localSeconds - days * 86_400)
        year = date.year
        month = date.month - 1
        day = date.day
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        offsetHint = offset
    }

    /// The day of the week of a normalized reading.
    var weekday: Weekday { CivilDate(unchecked: year, month + 1, day).weekday }

    /// Compares the fields from the year down, the way systemd decides whether normalization moved a reading.
    func fieldOrder(comparedTo other: BrokenDownTime) -> (field: Int, order: Int) {
        if year != other.year { return (0, year < other.year ? -1 : 1) }
        if month != other.month { return (1, month < other.month ? -1 : 1) }
        if day != other.day { return (2, day < other.day ? -1 : 1) }
        if hour != other.hour { return (3, hour < other.hour ? -1 : 1) }
        if minute != other.minute { return (4, minute < other.minute ? -1 : 1) }
        if second != other.second { return (5, second < other.second ? -1 : 1) }
        return (6, 0)
    }
}
