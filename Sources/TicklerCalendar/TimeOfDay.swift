/// A wall-clock time of day, with microseconds.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored in eight bytes, as dates are (``CivilDate``).
    @usableFromInline let storedHour: UInt8
    @usableFromInline let storedMinute: UInt8
    @usableFromInline let storedSecond: UInt8
    @usableFromInline let storedMicrosecond: UInt32

    /// The hour, 0…23.
    @inlinable public var hour: Int { Int(storedHour) }
    /// The minute, 0…59.
    @inlinable public var minute: Int { Int(storedMinute) }
    /// The second, 0…59.
    @inlinable public var second: Int { Int(storedSecond) }
    /// The microsecond, 0…999 999.
    @inlinable public var microsecond: Int { Int(storedMicrosecond) }

    /// Midnight, the start of a day.
    public static let midnight = TimeOfDay(unchecked: 0, 0, 0)

    /// Creates a time of day, or nil when a part is out of range.
    public init?(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second),
            (0..<1_000_000).contains(microsecond)
        else { return nil }
        self.init(unchecked: hour, minute, second, microsecond)
    }

    /// Creates a time of day from parts the caller has already validated.
    @inlinable
    public init(unchecked hour: Int, _ minute: Int, _ second: Int, _ microsecond: Int = 0) {
        storedHour = UInt8(clamping: hour)
        storedMinute = UInt8(clamping: minute)
        storedSecond = UInt8(clamping: second)
        storedMicrosecond = UInt32(clamping: microsecond)
    }

    /// Creates the time of day `microseconds` after midnight (0 ..< 86 400 000 000).
    @inlinable
    public init(microsecondsSinceMidnight microseconds: Int64) {
        let seconds = Int(microseconds / 1_000_000)
        self.init(unchecked: seconds / 3600, seconds / 60 % 60, seconds % 60, Int(microseconds % 1_000_000))
    }

    /// Whole seconds since midnight.
    @inlinable
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// Microseconds since midnight.
    @inlinable
    public var microsecondsSinceMidnight: Int64 {
        Int64(secondsSinceMidnight) * 1_000_000 + Int64(microsecond)
    }

    /// `HH:MM:SS`, with `.ffffff` when there are microseconds.
    public var description: String {
        DateTextWriter.string(capacity: DateTextWriter.length(of: self, short: false)) { $0.time(self, short: false) }
    }

    /// `HH:MM`, or `HH:MM:SS` when there are seconds; for people, so fractions of a second are left out.
    public var shortDescription: String {
        DateTextWriter.string(capacity: DateTextWriter.length(of: self, short: true)) { $0.time(self, short: true) }
    }

    /// Parses `HH:MM` or `HH:MM:SS` (with an optional fraction of a second), or returns nil.
    public init?(iso text: some StringProtocol) {
        var scanner = DigitScanner(text)
        guard let time = TimeOfDay.scan(&scanner), scanner.isAtEnd else { return nil }
        self = time
    }

    /// Reads `HH:MM[:SS[.fff]]` at the scanner's cursor.
    static func scan(_ scanner: inout DigitScanner) -> TimeOfDay? {
        guard let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2) else {
            return nil
        }
        var second = 0
        var microsecond = 0
        if scanner.skip(":") {
            guard let seconds = scanner.number(digits: 2) else { return nil }
            second = seconds
            if scanner.skip(".") || scanner.skip(",") {
                // Up to nine digits (nanoseconds, as TOML and RFC 3339 allow); digits past the sixth are dropped.
                guard let fraction = scanner.digitRun(), fraction.count <= 9 else { return nil }
                let scale = [100_000, 10_000, 1000, 100, 10, 1, 10, 100, 1000][fraction.count - 1]
                microsecond = fraction.count <= 6 ? fraction.value * scale : fraction.value / scale
            }
        }
        return TimeOfDay(hour: hour, minute: minute, second: second, microsecond: microsecond)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.microsecondsSinceMidnight < rhs.microsecondsSinceMidnight
    }
}
