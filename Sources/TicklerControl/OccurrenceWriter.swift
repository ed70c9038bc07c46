import TicklerCalendar

/// Formats instants as ISO 8601 with their UTC offset in a zone (`2026-01-30T09:00:00+07:00`), one per line or as
/// a JSON array, into a reused byte buffer handed to the sink in large chunks.
///
/// Formatting is integer arithmetic into bytes: no strings, no allocation per occurrence.
struct OccurrenceWriter<Sink: OutputSink> {
    /// Where the bytes go.
    private(set) var sink: Sink
    /// The zone whose wall clock and offset each instant is written in.
    let zone: ZoneRules
    /// Whether to write a JSON array instead of lines.
    let json: Bool

    private var buffer: [UInt8] = []
    private var count = 0

    /// Bytes collected before they are written out.
    static var chunkSize: Int { 1 << 16 }

    init(sink: Sink, zone: ZoneRules, json: Bool) {
        self.sink = sink
        self.zone = zone
        self.json = json
        buffer.reserveCapacity(Self.chunkSize + 128)
    }

    /// Appends one occurrence.
    mutating func write(_ instant: Instant) {
        if json { appendText(count == 0 ? "[\n  \"" : ",\n  \"") }
        appendTimestamp(instant)
        if json { buffer.append(UInt8(ascii: "\"")) } else { buffer.append(UInt8(ascii: "\n")) }
        count += 1
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// Closes the JSON array (when writing JSON) and writes out what is left.
    mutating func finish() {
        if json { appendText(count == 0 ? "[]\n" : "\n]\n") }
        flush()
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendText(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]±HH:MM[:SS]`.
    private mutating func appendTimestamp(_ instant: Instant) {
        let offset = zone.offsetSeconds(at: instant)
        let local = instant.microsecondsSinceEpoch + Int64(offset) * 1_000_000
        let days = local >= 0 ? local / 86_400_000_000 : (local - 86_399_999_999) / 86_400_000_000
        let microsOfDay = Int(local - days * 86_400_000_000)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let seconds = microsOfDay / 1_000_000
        if date.year < 0 { buffer.append(UInt8(ascii: "-")) }
        let year = abs(date.year)
        if year > 9999 { appendDigits(year / 10000, width: 1) }
        appendDigits(year % 10000, width: 4)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(date.month, width: 2)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(date.day, width: 2)
        buffer.append(UInt8(ascii: "T"))
        appendDigits(seconds / 3600, width: 2)
        buffer.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2)
        buffer.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2)
        if microsOfDay % 1_000_000 != 0 {
            buffer.append(UInt8(ascii: "."))
            appendDigits(microsOfDay % 1_000_000, width: 6)
        }
        buffer.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        let magnitude = abs(offset)
        appendDigits(magnitude / 3600, width: 2)
        buffer.append(UInt8(ascii: ":"))
        appendDigits(magnitude / 60 % 60, width: 2)
        if magnitude % 60 != 0 {
            buffer.append(UInt8(ascii: ":"))
            appendDigits(magnitude % 60, width: 2)
        }
    }

    /// `value` (≥ 0) in decimal, zero-padded to `width` digits.
    private mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while divisor * 10 <= value { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
