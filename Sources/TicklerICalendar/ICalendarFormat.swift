public import TicklerCalendar

/// The value syntaxes of RFC 5545 §3.3 that the export writes: DATE-TIME, UTC-OFFSET and DURATION.
public enum ICalendarFormat {
    /// The years a DATE-TIME can carry: it has four digits.
    public static let years = 0...9999

    /// A local DATE-TIME in basic format, `20270127T080000`; fractions of a second are dropped.
    public static func dateTime(_ local: LocalDateTime) -> String {
        let date = local.date
        let time = local.time
        return digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2) + "T" + digits(time.hour, 2)
            + digits(time.minute, 2) + digits(time.second, 2)
    }

    /// A UTC DATE-TIME in basic format, `20270127T010000Z`; fractions of a second are dropped.
    public static func utc(_ instant: Instant) -> String {
        dateTime(ZoneRules.utc.localDateTime(at: instant)) + "Z"
    }

    /// A UTC-OFFSET, `+0700`, `-0500`, `+074540` (seconds only when there are some).
    public static func utcOffset(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = seconds.magnitude
        let text = sign + digits(Int(magnitude / 3600), 2) + digits(Int(magnitude / 60 % 60), 2)
        return magnitude % 60 == 0 ? text : text + digits(Int(magnitude % 60), 2)
    }

    /// A DURATION of `seconds` (negative: before), `-P7D`, `-P2W`, `PT1H`, `-P1DT12H`, `PT0S`.
    ///
    /// Whole weeks are written in weeks, otherwise days and a time part; a day here is 86 400 seconds, as in the
    /// schedule (RFC 5545 lets a reader take `D` as a nominal day, which differs by the shift on a DST night).
    public static func duration(seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let magnitude = seconds.magnitude
        if magnitude == 0 { return "PT0S" }
        if magnitude % 604_800 == 0 { return "\(sign)P\(magnitude / 604_800)W" }
        var text = "\(sign)P"
        let days = magnitude / 86_400
        let rest = magnitude % 86_400
        if days > 0 { text += "\(days)D" }
        if rest > 0 {
            text += "T"
            let (hours, minutes, secondsLeft) = (rest / 3600, rest / 60 % 60, rest % 60)
            // The grammar nests the parts (an hour, then optionally minutes, then optionally seconds): after an hour,
            // seconds need the minutes written, even zero ones.
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 || (hours > 0 && secondsLeft > 0) { text += "\(minutes)M" }
            if secondsLeft > 0 { text += "\(secondsLeft)S" }
        }
        return text
    }

    /// The TRIGGER of a reminder `lead` before the due time, in the schedule's own unit where iCalendar has it:
    /// `7d` is `-P7D`, `1w` is `-P1W`, `36h` is `-P1DT12H`; nil for calendar months and years, which are no lead.
    public static func trigger(before lead: Period) -> String? {
        guard let seconds = lead.seconds else { return nil }
        switch lead.unit {
        case .day: return seconds == 0 ? "PT0S" : "-P\(lead.count)D"
        case .week: return seconds == 0 ? "PT0S" : "-P\(lead.count)W"
        default: return duration(seconds: -seconds)
        }
    }

    /// `value` in decimal, zero-padded to `width` digits; negative values get a leading `-`.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - text.count)) + text
        return value < 0 ? "-" + padded : padded
    }
}
