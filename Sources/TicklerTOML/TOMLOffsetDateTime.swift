/// A date and time with an offset from UTC (`1979-05-27T07:32:00-07:00`, or `Z` for UTC): one instant.
public struct TOMLOffsetDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The local date at the offset.
    public let date: TOMLDate
    /// The local time of day at the offset.
    public let time: TOMLTime
    /// The offset east of UTC in minutes, −1439…1439 (0 for `Z`).
    public let offsetMinutes: Int

    /// The instant written as `time` on `date` at `offsetMinutes` east of UTC.
    public init(date: TOMLDate, time: TOMLTime, offsetMinutes: Int) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or `±HH:MM`.
    public var description: String {
        guard offsetMinutes != 0 else { return "\(date)T\(time)Z" }
        let magnitude = abs(offsetMinutes)
        let sign = offsetMinutes < 0 ? "-" : "+"
        return "\(date)T\(time)\(sign)"
            + Digits.padded(magnitude / 60, width: 2) + ":" + Digits.padded(magnitude % 60, width: 2)
    }
}
