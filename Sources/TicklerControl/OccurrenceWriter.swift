import TicklerCalendar

/// Formats instants as ISO 8601 with their UTC offset in a zone (`2026-01-30T09:00:00+07:00`), one per line or as
/// a JSON array, into a byte buffer handed to the sink in large chunks.
///
/// A line is three cached parts — `YYYY-MM-DDT` (after `,\n  "` in JSON), `HH:MM:SS[.ffffff]`, and the offset with
/// the line's end — each rebuilt only when the day, the time of day or the offset changes; moving to another day of
/// the same month rewrites just the two day digits. Writing a line is then a few whole-word stores into the buffer:
/// no strings, no allocation and no division per occurrence beyond splitting the instant into day and time.
struct OccurrenceWriter<Sink: OutputSink> {
    /// Where the bytes go.
    private(set) var sink: Sink
    /// The zone whose wall clock and offset each instant is written in.
    let zone: ZoneRules
    /// Whether to write a JSON array instead of lines.
    let json: Bool
    /// How many occurrences have been written.
    private(set) var count = 0

    private var parts: LineParts
    /// The zone's offset span of the last instant, so that the offset costs a comparison while it lasts.
    private var cursor: ZoneCursor

    /// Bytes collected before they are written out.
    static var chunkSize: Int { 1 << 16 }

    /// Room after a chunk for one more line, including the whole words stored past its end.
    private static var slack: Int { 128 }

    init(sink: Sink, zone: ZoneRules, json: Bool) {
        self.sink = sink
        self.zone = zone
        self.json = json
        self.parts = LineParts(json: json)
        self.cursor = ZoneCursor(zone: zone)
    }

    /// Appends one occurrence.
    mutating func write(_ instant: Instant) {
        var one = CollectionOfOne(instant).makeIterator()
        write(&one, limit: 1, through: instant)
    }

    /// Appends what `occurrences` yields, at most `limit` instants and none after `last`; returns how many.
    @discardableResult
    mutating func write<Occurrences: IteratorProtocol<Instant>>(
        _ occurrences: inout Occurrences,
        limit: Int,
        through last: Instant
    ) -> Int {
        guard limit > 0 else { return 0 }
        let capacity = limit == 1 ? Self.slack : Self.chunkSize + Self.slack
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var cursor = cursor
        var parts = parts
        var opensArray = json && count == 0
        var used = 0
        var written = 0
        while written < limit, let instant = occurrences.next(), instant <= last {
            let length = parts.write(instant, offset: cursor.offsetSeconds(at: instant), to: buffer + used)
            if opensArray {
                // The first line's `,` becomes the array's `[`.
                buffer.storeBytes(of: UInt8(ascii: "["), toByteOffset: used, as: UInt8.self)
                opensArray = false
            }
            used += length
            written += 1
            if used >= Self.chunkSize {
                sink.write(UnsafeRawBufferPointer(start: buffer, count: used))
                used = 0
            }
        }
        if used > 0 { sink.write(UnsafeRawBufferPointer(start: buffer, count: used)) }
        self.parts = parts
        self.cursor = cursor
        count += written
        return written
    }

    /// Closes the JSON array (when writing JSON).
    mutating func finish() {
        guard json else { return }
        let end: StaticString = count == 0 ? "[]\n" : "\n]\n"
        end.withUTF8Buffer { sink.write(UnsafeRawBufferPointer($0)) }
    }
}

extension OccurrenceWriter {
    /// Up to 32 bytes, stored as whole words.
    private typealias Bytes32 = (UInt64, UInt64, UInt64, UInt64)
    /// Up to 16 bytes, stored as whole words.
    private typealias Bytes16 = (UInt64, UInt64)

    /// The three parts of a line, each kept until what it shows changes.
    private struct LineParts {
        /// Whether lines are JSON strings: `,\n  "` before, `"` after.
        let json: Bool
        /// `YYYY-MM-DDT`, after `,\n  "` in JSON.
        var head: Bytes32 = (0, 0, 0, 0)
        var headCount = 0
        /// The day shown, in days since 1970-01-01 (none at first: far outside any instant's range, with a month
        /// length of 0, so that the first line builds `head`); its day of the month and the length of its month.
        var day = -1 << 40
        var dayOfMonth = 0
        var monthLength = 0
        /// The day of the month as two digits, written over `head`'s (which are those of the month's first day shown),
        /// so that moving within a month leaves `head` alone.
        var dayDigits: UInt16 = 0
        /// `HH:MM:SS`, then `.ffffff` when there is a fraction.
        var time: Bytes16 = (0, 0)
        var timeCount = 0
        /// The microseconds since midnight `time` shows.
        var microsecondOfDay: Int64 = -1
        /// `±HH:MM`, then `:SS` when the offset has seconds, then `"` in JSON or a newline.
        var tail: Bytes16 = (0, 0)
        var tailCount = 0
        /// The offset `tail` shows; none at first.
        var offset: Int?

        init(json: Bool) {
            self.json = json
        }

        /// Writes the line for `instant` at `offset` seconds east of UTC to `output`, which has room for 64 bytes;
        /// returns the line's length.
        @inline(__always)
        mutating func write(_ instant: Instant, offset: Int, to output: UnsafeMutableRawPointer) -> Int {
            let local = instant.microsecondsSinceEpoch + Int64(offset) * 1_000_000
            var days = local / 86_400_000_000
            var microseconds = local - days * 86_400_000_000
            if microseconds < 0 {
                days -= 1
                microseconds += 86_400_000_000
            }
            if Int(days) != day {
                let moved = dayOfMonth + (Int(days) - day)
                if moved >= 1, moved <= monthLength {
                    // Another day of the same month: only its digits change.
                    dayDigits = Self.twoDigits(moved)
                    dayOfMonth = moved
                    day = Int(days)
                } else {
                    show(day: Int(days))
                }
            }
            if microseconds != microsecondOfDay { show(microsecondOfDay: microseconds) }
            if offset != self.offset { show(offset: offset) }
            output.storeBytes(of: head.0, toByteOffset: 0, as: UInt64.self)
            output.storeBytes(of: head.1, toByteOffset: 8, as: UInt64.self)
            output.storeBytes(of: head.2, toByteOffset: 16, as: UInt64.self)
            output.storeBytes(of: head.3, toByteOffset: 24, as: UInt64.self)
            output.storeBytes(of: dayDigits, toByteOffset: headCount - 3, as: UInt16.self)
            output.storeBytes(of: time.0, toByteOffset: headCount, as: UInt64.self)
            output.storeBytes(of: time.1, toByteOffset: headCount + 8, as: UInt64.self)
            let tailStart = headCount + timeCount
            output.storeBytes(of: tail.0, toByteOffset: tailStart, as: UInt64.self)
            output.storeBytes(of: tail.1, toByteOffset: tailStart + 8, as: UInt64.self)
            return tailStart + tailCount
        }

        /// Rebuilds `head` for `newDay`, a day in another month.
        @inline(never)
        private mutating func show(day newDay: Int) {
            let date = CivilDate(daysSinceEpoch: newDay)
            let json = json
            headCount = withUnsafeMutableBytes(of: &head) { bytes in
                var text = ByteText(bytes)
                if json { text.append(",\n  \"") }
                if date.year < 0 { text.append("-") }
                text.append(abs(date.year), digits: 4)
                text.append("-")
                text.append(date.month, digits: 2)
                text.append("-")
                text.append(date.day, digits: 2)
                text.append("T")
                return text.count
            }
            day = newDay
            dayOfMonth = date.day
            dayDigits = Self.twoDigits(date.day)
            monthLength = CivilDate.daysInMonth(year: date.year, month: date.month)
        }

        /// Sets `time` to `HH:MM:SS[.ffffff]` for microseconds since midnight.
        private mutating func show(microsecondOfDay microseconds: Int64) {
            let seconds = Int(microseconds / 1_000_000)
            let fraction = Int(microseconds % 1_000_000)
            let colons: UInt64 = 0x3A << 16 | 0x3A << 40
            let hours = UInt64(Self.twoDigits(seconds / 3600).littleEndian)
            let minutes = UInt64(Self.twoDigits(seconds / 60 % 60).littleEndian) << 24
            let secondsDigits = UInt64(Self.twoDigits(seconds % 60).littleEndian) << 48
            time.0 = (hours | minutes | secondsDigits | colons).littleEndian
            time.1 = 0
            timeCount = 8
            if fraction != 0 {
                let point: UInt64 = 0x2E
                let high = UInt64(Self.twoDigits(fraction / 10_000).littleEndian) << 8
                let middle = UInt64(Self.twoDigits(fraction / 100 % 100).littleEndian) << 24
                let low = UInt64(Self.twoDigits(fraction % 100).littleEndian) << 40
                time.1 = (point | high | middle | low).littleEndian
                timeCount = 15
            }
            microsecondOfDay = microseconds
        }

        /// Sets `tail` to the offset, `±HH:MM[:SS]`, and the line's end.
        @inline(never)
        private mutating func show(offset newOffset: Int) {
            let magnitude = newOffset.magnitude
            let json = json
            tail = (0, 0)
            tailCount = withUnsafeMutableBytes(of: &tail) { bytes in
                var text = ByteText(bytes)
                text.append(newOffset < 0 ? "-" : "+")
                text.append(Int(magnitude / 3600), digits: 2)
                text.append(":")
                text.append(Int(magnitude / 60 % 60), digits: 2)
                if magnitude % 60 != 0 {
                    text.append(":")
                    text.append(Int(magnitude % 60), digits: 2)
                }
                text.append(json ? "\"" : "\n")
                return text.count
            }
            offset = newOffset
        }

        /// `value` (0…99) as two ASCII digits, in memory order.
        @inline(__always)
        private static func twoDigits(_ value: Int) -> UInt16 {
            let tens = value / 10
            let first = UInt16(truncatingIfNeeded: 0x30 + tens)
            let second = UInt16(truncatingIfNeeded: 0x30 + value - tens * 10)
            return (first | second << 8).littleEndian
        }
    }

    /// Text appended byte by byte to a fixed buffer, for the parts of a line that change rarely.
    private struct ByteText {
        let bytes: UnsafeMutableRawBufferPointer
        private(set) var count = 0

        init(_ bytes: UnsafeMutableRawBufferPointer) {
            self.bytes = bytes
        }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { utf8 in
                for byte in utf8 {
                    bytes[count] = byte
                    count += 1
                }
            }
        }

        /// `value` (≥ 0) in decimal, zero-padded to at least `digits` digits.
        mutating func append(_ value: Int, digits: Int) {
            var width = 1
            var rest = value / 10
            while rest > 0 {
                width += 1
                rest /= 10
            }
            width = max(width, digits)
            rest = value
            for index in stride(from: count + width - 1, through: count, by: -1) {
                bytes[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            }
            count += width
        }
    }
}
