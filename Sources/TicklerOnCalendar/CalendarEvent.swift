public import TicklerCalendar

/// A calendar event in the syntax of systemd.time(7), as systemd 252 reads it: `Mon..Fri *-*-01..07 09:00`.
///
/// Each field holds a list of ``CalendarComponent``s, or nil for `*` (any value). Seconds are kept in
/// microseconds, so `12:00:1.5` and `*:*:0/0.5` work. The fields are normalized the way systemd does it
/// (two-digit years, trimmed ranges, sorted lists without duplicates), so ``description`` prints what
/// `systemd-analyze calendar` shows as the normalized form.
public struct CalendarEvent: Hashable, Sendable, CustomStringConvertible {
    /// Where the wall-clock fields are read.
    public enum Zone: Hashable, Sendable {
        /// The zone the caller supplies (the system zone, for systemd).
        case local
        /// Coordinated Universal Time, written ` UTC`.
        case utc
        /// A named IANA zone written at the end (`Asia/Ho_Chi_Minh`).
        case named(ZoneRules)
    }

    /// The weekdays that match, bit 0 for Monday … bit 6 for Sunday; all seven bits when any day matches.
    public internal(set) var weekdays: UInt8 = CalendarEvent.allWeekdays
    /// Whether the day field counts back from the end of the month (`~`).
    public internal(set) var endOfMonth = false
    /// Years, or nil for any.
    public internal(set) var year: [CalendarComponent]?
    /// Months 1…12, or nil for any.
    public internal(set) var month: [CalendarComponent]?
    /// Days 1…31 (or days before the month's end with ``endOfMonth``), or nil for any.
    public internal(set) var day: [CalendarComponent]?
    /// Hours 0…23, or nil for any.
    public internal(set) var hour: [CalendarComponent]?
    /// Minutes 0…59, or nil for any.
    public internal(set) var minute: [CalendarComponent]?
    /// Seconds in microseconds, 0 ..< 60 000 000.
    public internal(set) var second: [CalendarComponent]? = [CalendarComponent(start: 0)]
    /// The zone the fields are read in.
    public internal(set) var zone: Zone = .local

    /// Every weekday.
    public static let allWeekdays: UInt8 = 0x7F

    /// An event that matches every day at midnight; the parser fills it in.
    init() {}

    /// Parses a calendar event.
    ///
    /// - Parameters:
    ///   - text: the specification, e.g. `Mon *-*-01..07 09:00 Asia/Ho_Chi_Minh`, or a shorthand such as `weekly`.
    ///   - zones: where the rules of a zone named at the end are found.
    /// - Throws: ``CalendarEventError`` naming the part that is wrong.
    public init(parsing text: String, zones: any ZoneSource) throws(CalendarEventError) {
        var parser = CalendarEventParser(text: text, zones: { try? zones.rules(for: $0) })
        self = try parser.parse()
    }

    /// The normalized form, as `systemd-analyze calendar` prints it.
    public var description: String {
        var text = ""
        if weekdays != CalendarEvent.allWeekdays && weekdays != 0 { text += weekdayText + " " }
        text += Self.format(year, width: 4) + "-" + Self.format(month, width: 2)
        text += (endOfMonth ? "~" : "-") + Self.format(day, width: 2) + " "
        text += Self.format(hour, width: 2) + ":" + Self.format(minute, width: 2) + ":" + secondText
        switch zone {
        case .local: break
        case .utc: text += " UTC"
        case .named(let rules): text += " " + rules.identifier
        }
        return text
    }

    /// `Mon..Fri`, `Sat,Sun`: runs of three or more days as ranges.
    private var weekdayText: String {
        var parts: [String] = []
        var index = 0
        while index < 7 {
            guard weekdays & (1 << index) != 0 else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < 7, weekdays & (1 << (end + 1)) != 0 { end += 1 }
            let first = Weekday(rawValue: index + 1)!.shortName
            let last = Weekday(rawValue: end + 1)!.shortName
            switch end - index {
            case 0: parts.append(first)
            case 1: parts.append(first + "," + last)
            default: parts.append(first + ".." + last)
            }
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    private var secondText: String {
        guard let second, !second.contains(where: { $0.start == 0 && $0.stop < 0 && $0.repeat == 1_000_000 }) else {
            return "*"
        }
        return second.map { component in
            var text = Self.seconds(component.start)
            if component.stop > 0 { text += ".." + Self.seconds(component.stop) }
            if component.repeat > 0 && !(component.stop > 0 && component.repeat == 1_000_000) {
                let (whole, fraction) = component.repeat.quotientAndRemainder(dividingBy: 1_000_000)
                text += "/" + String(whole)
                if fraction > 0 { text += "." + Self.pad(fraction, 6) }
            }
            return text
        }.joined(separator: ",")
    }

    /// Whole seconds with two digits, and six digits of fraction when there is one.
    private static func seconds(_ microseconds: Int) -> String {
        let whole = pad(microseconds / 1_000_000, 2)
        return microseconds % 1_000_000 == 0 ? whole : whole + "." + pad(microseconds % 1_000_000, 6)
    }

    private static func format(_ chain: [CalendarComponent]?, width: Int) -> String {
        guard let chain else { return "*" }
        return chain.map { component in
            var text = pad(component.start, width)
            if component.stop > 0 { text += ".." + pad(component.stop, width) }
            if component.repeat > 0 && !(component.stop > 0 && component.repeat == 1) {
                text += "/" + String(component.repeat)
            }
            return text
        }.joined(separator: ",")
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
