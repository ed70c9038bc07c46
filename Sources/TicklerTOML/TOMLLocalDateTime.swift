/// A date and time of day without an offset (`1979-05-27T07:32:00`): a wall-clock time in no particular zone.
public struct TOMLLocalDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The date.
    public let date: TOMLDate
    /// The time of day.
    public let time: TOMLTime

    /// The wall-clock time `time` on `date`.
    public init(date: TOMLDate, time: TOMLTime) {
        self.date = date
        self.time = time
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]`.
    public var description: String { "\(date)T\(time)" }
}
