/// A time of day as written in TOML (`07:32:00.999999`): the parts as numbers and the fraction's digits as written.
///
/// The fraction is kept as text because TOML allows any number of digits: a reader that keeps microseconds can
/// refuse more than six, or truncate, as it decides. ``nanosecond`` gives the value truncated to nanoseconds.
public struct TOMLTime: Hashable, Sendable, CustomStringConvertible {
    /// The hour, 0…23.
    public let hour: Int
    /// The minute, 0…59.
    public let minute: Int
    /// The second, 0…60 (60 only for a leap second).
    public let second: Int
    /// The digits after the decimal point, as written (`"999999"`); empty when there is no fraction.
    public let fractionDigits: String

    /// A time from parts the caller has checked; `fractionDigits` holds ASCII digits only.
    public init(hour: Int, minute: Int, second: Int, fractionDigits: String = "") {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fractionDigits = fractionDigits
    }

    /// The fraction of a second in nanoseconds, digits beyond the ninth truncated.
    public var nanosecond: Int {
        var value = 0
        var count = 0
        for digit in fractionDigits.utf8 where count < 9 {
            value = value * 10 + Int(digit &- 0x30)
            count += 1
        }
        while count < 9 {
            value *= 10
            count += 1
        }
        return value
    }

    /// `HH:MM:SS`, with `.` and the fraction's digits when there is one.
    public var description: String {
        let base =
            Digits.padded(hour, width: 2) + ":" + Digits.padded(minute, width: 2) + ":"
            + Digits.padded(second, width: 2)
        return fractionDigits.isEmpty ? base : base + "." + fractionDigits
    }
}
