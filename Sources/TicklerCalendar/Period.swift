/// A length of time written the way the schedule writes it: `90s`, `5min`, `2h`, `7d`, `1w`, and for recurrences `3m`, `5y`.
///
/// Seconds, minutes, hours, days and weeks are fixed lengths (a day is 86 400 s, as in systemd.time(7));
/// months and years are calendar steps, valid only where a recurrence is meant (``Period/parse(_:allowingCalendarUnits:)``).
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// The unit a period counts.
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case second = "s"
        case minute = "min"
        case hour = "h"
        case day = "d"
        case week = "w"
        case month = "m"
        case year = "y"

        /// Length in seconds of one unit, or nil for calendar months and years.
        public var seconds: Int64? {
            switch self {
            case .second: 1
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            case .week: 604_800
            case .month, .year: nil
            }
        }

        /// English name, singular.
        var name: String {
            switch self {
            case .second: "second"
            case .minute: "minute"
            case .hour: "hour"
            case .day: "day"
            case .week: "week"
            case .month: "month"
            case .year: "year"
            }
        }
    }

    /// How many units.
    public let count: Int
    /// The unit.
    public let unit: Unit

    /// A period of `count` units.
    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The empty period, written `0`.
    public static let zero = Period(0, .second)

    /// Whether this is the empty period.
    public var isZero: Bool { count == 0 }

    /// The fixed length in seconds, or nil for months and years; saturated at `Int64`'s bounds for a period built
    /// beyond ``Limits`` (``parse(_:allowingCalendarUnits:)`` never gives one).
    public var seconds: Int64? { unit.seconds.map { $0.multipliedSaturating(by: Int64(count)) } }

    /// The fixed length in microseconds, or nil for months and years; saturated like ``seconds``.
    public var microseconds: Int64? { seconds.map { $0.multipliedSaturating(by: 1_000_000) } }

    /// The length in days that ``Limits/longestPeriodDays`` is checked against: a month counts as 31 days and a
    /// year as 366, a shorter unit in whole days rounded down.
    public var limitDays: Int64 {
        switch unit {
        case .month: Int64(count).multipliedSaturating(by: 31)
        case .year: Int64(count).multipliedSaturating(by: 366)
        default: seconds! / 86_400
        }
    }

    /// Whether the period is within ``Limits``: a count of 0…``Limits/maximumCount`` and at most
    /// ``Limits/longestPeriodDays`` long.
    public var isWithinLimits: Bool {
        (0...Limits.maximumCount).contains(count) && limitDays <= Int64(Limits.longestPeriodDays)
    }

    /// The canonical text: `7d`, `90s`, `0`.
    public var description: String { DateTextWriter.string(atMost: 24) { $0.period(self) } }

    /// English words: `7 days`, `1 hour`.
    public var humanDescription: String { "\(count) \(unit.name)\(count == 1 ? "" : "s")" }

    /// The unit names ``parse(_:allowingCalendarUnits:)`` accepts, built once.
    private static let unitAliases: [String: Unit] = [
        "s": .second, "sec": .second, "second": .second, "seconds": .second,
        "min": .minute, "minute": .minute, "minutes": .minute,
        "h": .hour, "hr": .hour, "hour": .hour, "hours": .hour,
        "d": .day, "day": .day, "days": .day,
        "w": .week, "week": .week, "weeks": .week,
        "m": .month, "month": .month, "months": .month,
        "y": .year, "year": .year, "years": .year,
    ]

    /// Parses `<number><unit>` (`7d`, `90s`, `5min`), or `0`.
    ///
    /// - Parameters:
    ///   - text: the period as written.
    ///   - allowingCalendarUnits: whether `m` (months) and `y` (years) are accepted.
    /// - Throws: ``PeriodError`` naming the bad part.
    public static func parse(_ text: String, allowingCalendarUnits: Bool = false) throws(PeriodError) -> Period {
        if let period = plainPeriod(text, allowingCalendarUnits: allowingCalendarUnits) { return period }
        let trimmed = text.trimmingCharacters(in: " \t")
        if trimmed == "0" { return .zero }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let suffix = trimmed.dropFirst(digits.count).trimmingPrefixSpaces()
        guard !digits.isEmpty else {
            throw PeriodError(text: text, reason: "expected a number followed by a unit, such as 7d or 90s")
        }
        // Leading zeros aside, more than nine digits is past the limit; the count saturates there.
        let significant = digits.drop { $0 == "0" }
        let count = significant.count <= 9 ? Int(significant) ?? 0 : Limits.maximumCount + 1
        guard let unit = unitAliases[String(suffix)] else {
            let units = allowingCalendarUnits ? "s, min, h, d, w, m or y" : "s, min, h, d or w"
            throw PeriodError(text: text, reason: "unknown unit \"\(suffix)\" (expected \(units))")
        }
        if unit.seconds == nil && !allowingCalendarUnits {
            throw PeriodError(
                text: text,
                reason: "months and years are only valid in `every`; write minutes as \"min\""
            )
        }
        let period = Period(count, unit)
        try period.checkLimits(text: text)
        return period
    }

    /// The common spelling read from its bytes: 1–9 digits then a unit name, nothing else, and valid; nil for
    /// anything else, which ``parse(_:allowingCalendarUnits:)`` then reads (or explains) the general way.
    private static func plainPeriod(_ text: String, allowingCalendarUnits: Bool) -> Period? {
        let bytes = text.utf8
        var count = 0
        var digits = 0
        var index = bytes.startIndex
        while index != bytes.endIndex, digits < 10, case let byte = bytes[index], byte >= 0x30, byte <= 0x39 {
            count = count * 10 + Int(byte - 0x30)
            digits += 1
            index = bytes.index(after: index)
        }
        guard digits >= 1, digits <= 9, count > 0, index != bytes.endIndex,
            bytes[index...].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
            let unit = bytes.index(after: index) == bytes.endIndex
                ? letterUnit(bytes[index]) : unitAliases[String(text[index...])],
            unit.seconds != nil || allowingCalendarUnits
        else { return nil }
        let period = Period(count, unit)
        return period.isWithinLimits ? period : nil
    }

    /// The unit of one letter (`d`), as ``unitAliases`` has it, without hashing a string.
    private static func letterUnit(_ letter: UInt8) -> Unit? {
        switch letter {
        case UInt8(ascii: "s"): .second
        case UInt8(ascii: "h"): .hour
        case UInt8(ascii: "d"): .day
        case UInt8(ascii: "w"): .week
        case UInt8(ascii: "m"): .month
        case UInt8(ascii: "y"): .year
        default: nil
        }
    }

    /// Checks the period against ``Limits``.
    ///
    /// - Parameter text: the period as written, for the error.
    /// - Throws: ``PeriodError`` saying which limit is passed: `the number must be at most 999,999,999`, or
    ///   ``Limits/longestPeriodText``.
    public func checkLimits(text: String) throws(PeriodError) {
        guard count <= Limits.maximumCount else {
            throw PeriodError(text: text, reason: "the number must be at most \(Limits.maximumCountText)")
        }
        guard limitDays <= Int64(Limits.longestPeriodDays) else {
            throw PeriodError(text: text, reason: Limits.longestPeriodText)
        }
    }
}

/// A period that could not be read.
public struct PeriodError: Error, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// What is wrong with it.
    public let reason: String

    /// An error about `text`, saying `reason`.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "invalid duration \"\(text)\": \(reason)" }
}

extension Substring {
    /// The substring without leading spaces.
    fileprivate func trimmingPrefixSpaces() -> Substring { drop { $0 == " " } }
}
