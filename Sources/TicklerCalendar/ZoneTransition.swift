/// A change of a time zone's UTC offset: the moment, the offsets either side, and whether daylight time begins.
public struct ZoneTransition: Hashable, Sendable, CustomStringConvertible {
    /// The instant from which ``offsetAfter`` is in force.
    public let instant: Instant
    /// The offset in force just before ``instant``, seconds east of UTC.
    public let offsetBefore: Int
    /// The offset in force from ``instant`` on, seconds east of UTC.
    public let offsetAfter: Int
    /// Whether the offset after the transition is daylight saving time.
    ///
    /// The zone rules keep offsets, not the TZif `isdst` flags, so this is inferred: within the range of the zone's
    /// POSIX rule the rule's own daylight offset says it; before, an offset that moves the clocks forward counts as
    /// daylight time and one that moves them back as standard time.
    public let isDaylightSaving: Bool

    /// A transition at `instant` from `offsetBefore` to `offsetAfter`.
    public init(instant: Instant, offsetBefore: Int, offsetAfter: Int, isDaylightSaving: Bool) {
        self.instant = instant
        self.offsetBefore = offsetBefore
        self.offsetAfter = offsetAfter
        self.isDaylightSaving = isDaylightSaving
    }

    /// `2027-03-14T07:00:00Z -18000 → -14400 (daylight)`, for logs and test failures.
    public var description: String {
        "\(instant) \(offsetBefore) → \(offsetAfter) (\(isDaylightSaving ? "daylight" : "standard"))"
    }
}
