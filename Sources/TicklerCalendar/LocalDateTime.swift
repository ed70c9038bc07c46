/// A wall-clock date and time with no time zone attached ("floating" time in RFC 5545's words).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar day.
    public let date: CivilDate
    /// The time of day.
    public let time: TimeOfDay

    /// Combines a day and a time of day.
    @inlinable
    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Creates the wall-clock time that lies `microseconds` after 1970-01-01T00:00 on the same wall clock.
    @inlinable
    public init(localMicroseconds microseconds: Int64) {
        // Floor division and remainder that cannot overflow, even at Int64.min.
        let remainder = microseconds % 86_400_000_000
        let day = microseconds / 86_400_000_000 - (remainder < 0 ? 1 : 0)
        self.init(
            date: CivilDate(daysSinceEpoch: Int(day)),
            time: TimeOfDay(microsecondsSinceMidnight: remainder < 0 ? remainder + 86_400_000_000 : remainder)
        )
    }

    /// Microseconds from 1970-01-01T00:00 on the same wall clock, as if the zone were UTC; saturated at `Int64`'s
    /// bounds for a date ±292,000 years away (only an unchecked date can be).
    @inlinable
    public var localMicroseconds: Int64 {
        Int64(date.daysSinceEpoch).multipliedSaturating(by: 86_400_000_000).addingSaturating(
            time.microsecondsSinceMidnight
        )
    }

    /// Whole seconds from 1970-01-01T00:00 on the same wall clock, as if the zone were UTC.
    @inlinable
    public var localSeconds: Int64 { Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight) }

    /// The wall-clock time `seconds` later, counting every day as 86 400 seconds (saturated like
    /// ``localMicroseconds``).
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(
            localMicroseconds: localMicroseconds.addingSaturating(seconds.multipliedSaturating(by: 1_000_000))
        )
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        DateTextWriter.string(capacity: DateTextWriter.length(of: self, short: false)) {
            $0.dateTime(self, short: false)
        }
    }

    /// `2014-12-15 08:00`, or `2014-12-15 08:00:30` with seconds: for people, as in descriptions and listings.
    public var shortDescription: String {
        DateTextWriter.string(capacity: DateTextWriter.length(of: self, short: true)) { $0.dateTime(self, short: true) }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` or the same with a space for `T` (years 0001–9999, up to
    /// nine digits of fraction, of which six are kept); a bare date is midnight.
    public init?(iso text: some StringProtocol) {
        var scanner = DigitScanner(text)
        guard let value = LocalDateTime.scan(&scanner), scanner.isAtEnd else { return nil }
        self = value
    }

    /// Reads a date with an optional time at the scanner's cursor.
    static func scan(_ scanner: inout DigitScanner) -> LocalDateTime? {
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2),
            scanner.skip("-"), let day = scanner.number(digits: 2),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else {
            return LocalDateTime(date: date, time: .midnight)
        }
        guard let time = TimeOfDay.scan(&scanner) else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}
