import TicklerCalendar

/// Lengths of time in words for messages: `7 days`, `1 day 12 hours`, `90 minutes` reads `1 hour 30 minutes`.
public enum HumanDuration {
    private static let units: [(name: StaticString, seconds: Int64)] = [
        ("day", 86_400), ("hour", 3600), ("minute", 60), ("second", 1),
    ]

    /// The length in at most two units, largest first, dropping what is smaller (`2 days 3 hours`).
    ///
    /// Written byte by byte: `ticklerctl list` writes one for each obligation.
    public static func text(microseconds: Int64) -> String {
        DateTextWriter.string(atMost: longest) { write(microseconds: microseconds, into: &$0) }
    }

    /// The bytes ``text(microseconds:)`` takes, without making it: it is ASCII, so this is also its width on a
    /// terminal.
    public static func length(microseconds: Int64) -> Int {
        DateTextWriter.count(atMost: longest) { write(microseconds: microseconds, into: &$0) }
    }

    /// More than the longest text, from Int64.max microseconds: "106751991 days 4 hours" (22 bytes).
    private static let longest = 40

    /// Writes ``text(microseconds:)``.
    private static func write(microseconds: Int64, into writer: inout DateTextWriter) {
        var remaining = max(0, microseconds) / 1_000_000
        guard remaining > 0 else { return writer.ascii("0 seconds") }
        var parts = 0
        for unit in units where parts < 2 {
            let count = remaining / unit.seconds
            if count > 0 {
                if parts > 0 { writer.byte(0x20) }
                writer.number(Int(count), width: 1)
                writer.byte(0x20)
                writer.ascii(unit.name)
                if count != 1 { writer.byte(0x73) }
                remaining -= count * unit.seconds
                parts += 1
            } else if parts > 0 {
                break
            }
        }
    }
}
