/// Writes the ISO 8601 text of dates, times and offsets, and the numbers of durations, byte by byte into a new
/// string's storage.
///
/// The one writer behind ``CivilDate``, ``TimeOfDay``, ``LocalDateTime`` and ``ZonedDateTime`` text and the
/// schedule's durations in words: a string interpolation per field cost thousands of instructions for each date,
/// and a large schedule writes several dates for each of its obligations (descriptions, `ticklerctl list`).
public struct DateTextWriter {
    /// The string's storage.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// A string of at most `capacity` bytes, written by `write`. A capacity of at most 15 makes a small string,
    /// which allocates nothing.
    static func string(capacity: Int, _ write: (inout DateTextWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = DateTextWriter(buffer: buffer)
            write(&writer)
            return writer.count
        }
    }

    /// A string of at most `capacity` bytes of UTF-8, written by `write` into a temporary buffer on the stack: a
    /// short result (at most 15 bytes) is a small string, which allocates nothing, whatever the capacity.
    public static func string(atMost capacity: Int, _ write: (inout DateTextWriter) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = DateTextWriter(buffer: buffer)
            write(&writer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self)
        }
    }

    /// How many bytes `write` writes, at most `capacity`, into a temporary buffer on the stack: the length of the
    /// text ``string(atMost:_:)`` would make, without making it.
    public static func count(atMost capacity: Int, _ write: (inout DateTextWriter) -> Void) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = DateTextWriter(buffer: buffer)
            write(&writer)
            return writer.count
        }
    }

    /// The bytes a date takes: `YYYY-MM-DD`, longer for years beyond four digits.
    static func length(of date: CivilDate) -> Int {
        (date.year < 0 ? 1 : 0) + digitCount(date.year.magnitude, width: 4) + 6
    }

    /// The bytes `time` takes, as ``TimeOfDay/description`` (`short` false) or ``TimeOfDay/shortDescription``.
    static func length(of time: TimeOfDay, short: Bool) -> Int {
        if short { return time.second == 0 ? 5 : 8 }
        return time.microsecond == 0 ? 8 : 15
    }

    /// The bytes ``dateTime(_:short:)`` writes.
    static func length(of local: LocalDateTime, short: Bool) -> Int {
        length(of: local.date) + 1 + length(of: local.time, short: short)
    }

    /// The bytes ``offset(seconds:short:)`` writes.
    static func length(ofOffset seconds: Int, short: Bool) -> Int {
        let magnitude = seconds.magnitude
        let hours = 1 + digitCount(magnitude / 3600, width: 2)
        if short { return magnitude / 60 % 60 == 0 ? hours : hours + 3 }
        return magnitude % 60 == 0 ? hours + 3 : hours + 6
    }

    /// The digits of `magnitude` in decimal, at least `width`.
    private static func digitCount(_ magnitude: UInt, width: Int) -> Int {
        var rest = magnitude
        var digits = 1
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return max(digits, width)
    }

    /// Appends one ASCII byte.
    public mutating func byte(_ value: UInt8) {
        precondition(count < buffer.count, "date text longer than its capacity")
        buffer[count] = value
        count += 1
    }

    /// Appends `value` in decimal with at least `width` digits (zeros in front), after a `-` when negative.
    public mutating func number(_ value: Int, width: Int = 2) {
        if value < 0 { byte(0x2D) }
        digits(value.magnitude, width: width)
    }

    /// Appends the bytes of `text` (ASCII).
    public mutating func ascii(_ text: StaticString) {
        precondition(text.isASCII && count + text.utf8CodeUnitCount <= buffer.count, "text longer than its capacity")
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: bytes)
        count += bytes.count
    }

    /// Appends the UTF-8 bytes of `text`.
    public mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            precondition(count + bytes.count <= buffer.count, "text longer than its capacity")
            _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: bytes)
            count += bytes.count
        }
    }

    /// Appends ``Period/description``: `30d`, `1y`, `0`.
    public mutating func period(_ period: Period) {
        guard !period.isZero else { return byte(0x30) }
        number(period.count, width: 1)
        text(period.unit.rawValue)
    }

    /// Appends `magnitude` in decimal with at least `width` digits.
    private mutating func digits(_ magnitude: UInt, width: Int) {
        // Two digits (a month, a day, an hour, a minute), the most common, without counting or dividing in a loop.
        if width == 2 && magnitude < 100 {
            precondition(count + 2 <= buffer.count, "date text longer than its capacity")
            let tens = magnitude / 10
            buffer[count] = 0x30 + UInt8(truncatingIfNeeded: tens)
            buffer[count + 1] = 0x30 + UInt8(truncatingIfNeeded: magnitude &- tens &* 10)
            count += 2
            return
        }
        let total = Self.digitCount(magnitude, width: width)
        precondition(count + total <= buffer.count, "date text longer than its capacity")
        var rest = magnitude
        for offset in (0..<total).reversed() {
            buffer[count + offset] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
        count += total
    }

    /// Appends `YYYY-MM-DD`.
    public mutating func date(_ date: CivilDate) {
        number(date.year, width: 4)
        byte(0x2D)
        number(date.month)
        byte(0x2D)
        number(date.day)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS` (``LocalDateTime/description``) or, when `short`, `YYYY-MM-DD HH:MM`
    /// (``LocalDateTime/shortDescription``).
    public mutating func dateTime(_ local: LocalDateTime, short: Bool) {
        date(local.date)
        byte(short ? 0x20 : 0x54)
        time(local.time, short: short)
    }

    /// Appends `HH:MM:SS` with `.ffffff` when there are microseconds, or when `short`, `HH:MM` with `:SS` when there
    /// are seconds.
    mutating func time(_ time: TimeOfDay, short: Bool) {
        number(time.hour)
        byte(0x3A)
        number(time.minute)
        if short && time.second == 0 { return }
        byte(0x3A)
        number(time.second)
        if short || time.microsecond == 0 { return }
        byte(0x2E)
        number(time.microsecond, width: 6)
    }

    /// Appends an offset from UTC: `+07:00`, `-03:30`, `+00:19:32` with seconds; when `short`, `+07`, `-03:30`
    /// (minutes only when not zero, seconds never).
    mutating func offset(seconds: Int, short: Bool) {
        byte(seconds < 0 ? 0x2D : 0x2B)
        let magnitude = seconds.magnitude
        digits(magnitude / 3600, width: 2)
        let minutes = magnitude / 60 % 60
        if short && minutes == 0 { return }
        byte(0x3A)
        digits(minutes, width: 2)
        if short || magnitude % 60 == 0 { return }
        byte(0x3A)
        digits(magnitude % 60, width: 2)
    }
}
