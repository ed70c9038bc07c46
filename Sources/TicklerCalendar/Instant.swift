/// A point on the UTC time line, in microseconds since 1970-01-01T00:00:00Z.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since the Unix epoch.
    public let microsecondsSinceEpoch: Int64

    /// Creates an instant from microseconds since the Unix epoch.
    @inlinable
    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// Creates an instant from whole seconds since the Unix epoch (saturated at the bounds of the microsecond count,
    /// ±292,000 years).
    @inlinable
    public init(secondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = secondsSinceEpoch.multipliedSaturating(by: 1_000_000)
    }

    /// Whole seconds since the Unix epoch, rounded down.
    @inlinable
    public var secondsSinceEpoch: Int64 {
        // Floor division that cannot overflow, even at Int64.min.
        microsecondsSinceEpoch / 1_000_000 - (microsecondsSinceEpoch % 1_000_000 < 0 ? 1 : 0)
    }

    /// The instant `seconds` later; saturated at the bounds of the microsecond count rather than overflowing.
    @inlinable
    public func adding(seconds: Int64) -> Instant {
        Instant(
            microsecondsSinceEpoch: microsecondsSinceEpoch.addingSaturating(seconds.multipliedSaturating(by: 1_000_000))
        )
    }

    /// The instant `microseconds` later; saturated at the bounds of the microsecond count rather than overflowing.
    @inlinable
    public func adding(microseconds: Int64) -> Instant {
        Instant(microsecondsSinceEpoch: microsecondsSinceEpoch.addingSaturating(microseconds))
    }

    /// The signed number of microseconds from `other` to this instant, saturated at `Int64`'s bounds.
    @inlinable
    public func microseconds(since other: Instant) -> Int64 {
        microsecondsSinceEpoch.subtractingSaturating(other.microsecondsSinceEpoch)
    }

    /// ISO 8601 in UTC, `2027-01-27T01:00:00Z`.
    public var description: String {
        ZonedDateTime(instant: self, offsetSeconds: 0).description
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }
}
