/// Which lunisolar calendar: the same rules, computed at a different UTC offset.
///
/// The Vietnamese calendar (âm lịch) counts days at UTC+7, the Chinese calendar (农历) at UTC+8 (Beijing time). A new
/// moon or principal term between 17:00 and 18:00 UTC falls on different days in the two, so the calendars disagree
/// on a month start every few years, and occasionally on a leap month and hence on Tết (1985, 2007, 2030, 2053).
///
/// History: before 1929 the Chinese calendar was computed for Beijing local mean time (UTC+7:45:40), which `chinese`
/// follows (it moves the 1914-11, 1916-01 and 1920-11 month starts by a day); the Vietnamese calendar is computed at
/// UTC+7 throughout (before 1968 Vietnam in fact used the Chinese calendar; use `chinese` for those years).
public enum LunarCalendarKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The Vietnamese lunar calendar, UTC+7.
    case vietnamese
    /// The Chinese lunar calendar, UTC+8.
    case chinese

    /// The offset from UTC, in hours, at which the calendar counts days.
    public var utcOffsetHours: Int {
        switch self {
        case .vietnamese: 7
        case .chinese: 8
        }
    }

    /// The offset from UTC in seconds.
    public var utcOffsetSeconds: Int { utcOffsetHours * 3600 }

    /// Beijing local mean time (meridian 116°25′E), UTC+7:45:40, by which the Chinese calendar was computed before 1929.
    static let beijingMeanTimeSeconds = 27_940

    /// The UT Julian day of 1929-01-01T00:00 in Beijing, from which the Chinese calendar counts days at UTC+8.
    static let chineseStandardTimeStart = JulianDay.unixEpoch + Double(-14_975) - 28_800.0 / 86_400

    /// The offset at which the calendar counted days at a moment (UT Julian day): the fixed offset, except that the
    /// Chinese calendar was computed for Beijing local mean time (UTC+7:45:40) before 1929.
    func utcOffsetSeconds(atUniversalJulianDay jd: Double) -> Int {
        self == .chinese && jd < Self.chineseStandardTimeStart ? Self.beijingMeanTimeSeconds : utcOffsetSeconds
    }

    /// `vietnamese` or `chinese`, the schedule file's spelling.
    public var description: String { rawValue }

    /// Parses `vietnamese` or `chinese` (also `vi`/`vn` and `zh`/`cn`), case-insensitively.
    public init(parsing text: String) throws(LunarParseError) {
        switch text.lowercased() {
        case "vietnamese", "vi", "vn": self = .vietnamese
        case "chinese", "zh", "cn": self = .chinese
        default: throw LunarParseError(kind: .calendar, text: text, reason: "expected \"vietnamese\" or \"chinese\"")
        }
    }
}
