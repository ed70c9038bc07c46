/// A POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3`, as found in the footer of TZif files (RFC 8536 §3.3).
struct PosixZoneRule: Hashable, Sendable {
    /// Standard time's offset, seconds east of UTC.
    let standardOffset: Int32
    /// Daylight time's offset and the yearly rule for it, if the zone observes one.
    let daylight: Daylight?

    /// Daylight saving time: its offset and when it starts and ends each year.
    struct Daylight: Hashable, Sendable {
        let offset: Int32
        let start: DateRule
        let end: DateRule
    }

    /// One yearly switching moment: a day rule and a local time of day in seconds (may be negative or past 24 h).
    struct DateRule: Hashable, Sendable {
        enum Day: Hashable, Sendable {
            /// `Jn`: day 1…365, never counting 29 February.
            case julianNoLeap(Int)
            /// `n`: day 0…365, counting 29 February.
            case zeroBased(Int)
            /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
            case monthWeekDay(month: Int, week: Int, weekday: Int)
        }

        let day: Day
        let secondsIntoDay: Int64

        /// The local date of this rule in `year`.
        func date(in year: Int) -> CivilDate {
            switch day {
            case .julianNoLeap(let n):
                let base = CivilDate(unchecked: year, 1, 1).adding(days: n - 1)
                return CivilDate.isLeapYear(year) && n >= 60 ? base.adding(days: 1) : base
            case .zeroBased(let n):
                return CivilDate(unchecked: year, 1, 1).adding(days: n)
            case .monthWeekDay(let month, let week, let weekday):
                let first = CivilDate(unchecked: year, month, 1)
                let firstWeekday = first.weekday.rawValue % 7  // Sunday = 0
                var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
                let length = CivilDate.daysInMonth(year: year, month: month)
                while day > length { day -= 7 }
                return CivilDate(unchecked: year, month, day)
            }
        }

        /// The UTC second at which this rule fires in `year`, given the offset in force just before it.
        func utcSeconds(in year: Int, offsetBefore: Int32) -> Int64 {
            Int64(date(in: year).daysSinceEpoch) * 86_400 + secondsIntoDay - Int64(offsetBefore)
        }
    }

    /// The offset in force at a UTC time in whole seconds.
    func offset(atUTCSeconds seconds: Int64) -> Int32 {
        guard let daylight else { return standardOffset }
        let localSeconds = seconds + Int64(standardOffset)
        let day = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        let year = CivilDate(daysSinceEpoch: Int(day)).year
        let start = daylight.start.utcSeconds(in: year, offsetBefore: standardOffset)
        let end = daylight.end.utcSeconds(in: year, offsetBefore: daylight.offset)
        let inDaylight = start < end ? (seconds >= start && seconds < end) : (seconds >= start || seconds < end)
        return inDaylight ? daylight.offset : standardOffset
    }

    /// Parses a POSIX TZ string; nil when it is malformed or empty.
    init?(_ text: String) {
        var parser = Parser(bytes: Array(text.utf8))
        guard parser.name(), let standard = parser.offset() else { return nil }
        standardOffset = -standard
        if parser.isAtEnd {
            daylight = nil
            return
        }
        guard parser.name() else { return nil }
        var daylightOffset = standardOffset + 3600
        if let explicit = parser.offset() { daylightOffset = -explicit }
        guard parser.skip(UInt8(ascii: ",")), let start = parser.rule(), parser.skip(UInt8(ascii: ",")),
            let end = parser.rule(), parser.isAtEnd
        else { return nil }
        daylight = Daylight(offset: daylightOffset, start: start, end: end)
    }

    /// A cursor over a TZ string.
    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func skip(_ character: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == character else { return false }
            position += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or anything in angle brackets.
        mutating func name() -> Bool {
            if skip(UInt8(ascii: "<")) {
                while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                return skip(UInt8(ascii: ">"))
            }
            let start = position
            while position < bytes.count, (bytes[position] | 0x20) >= UInt8(ascii: "a"),
                (bytes[position] | 0x20) <= UInt8(ascii: "z")
            {
                position += 1
            }
            return position - start >= 3
        }

        mutating func number() -> Int? {
            let start = position
            var value = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            return position > start ? value : nil
        }

        /// `[+-]hh[:mm[:ss]]`, returned in seconds (POSIX sign: positive is west of UTC).
        mutating func offset() -> Int32? {
            guard let seconds = time() else { return nil }
            return Int32(seconds)
        }

        mutating func time() -> Int64? {
            var sign: Int64 = 1
            if skip(UInt8(ascii: "-")) { sign = -1 } else { _ = skip(UInt8(ascii: "+")) }
            guard let hours = number() else { return nil }
            var total = Int64(hours) * 3600
            if skip(UInt8(ascii: ":")) {
                guard let minutes = number() else { return nil }
                total += Int64(minutes) * 60
                if skip(UInt8(ascii: ":")) {
                    guard let seconds = number() else { return nil }
                    total += Int64(seconds)
                }
            }
            return sign * total
        }

        mutating func rule() -> DateRule? {
            let day: DateRule.Day
            if skip(UInt8(ascii: "M")) {
                guard let month = number(), skip(UInt8(ascii: ".")), let week = number(), skip(UInt8(ascii: ".")),
                    let weekday = number(), (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday)
                else { return nil }
                day = .monthWeekDay(month: month, week: week, weekday: weekday)
            } else if skip(UInt8(ascii: "J")) {
                guard let n = number(), (1...365).contains(n) else { return nil }
                day = .julianNoLeap(n)
            } else {
                guard let n = number(), (0...365).contains(n) else { return nil }
                day = .zeroBased(n)
            }
            var seconds: Int64 = 7200
            if skip(UInt8(ascii: "/")) {
                guard let time = time() else { return nil }
                seconds = time
            }
            return DateRule(day: day, secondsIntoDay: seconds)
        }
    }
}
