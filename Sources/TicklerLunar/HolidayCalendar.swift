public import TicklerCalendar

/// The holidays an obligation observes: built-in sets plus explicit dates, as the schedule's `holidays` key lists them.
///
/// ```swift
/// let holidays = try HolidayCalendar.parse(names: ["vn", "cn", "2027-05-03"])
/// holidays.isHoliday(CivilDate(year: 2027, month: 2, day: 6)!)   // true: Tết
/// ```
public struct HolidayCalendar: Hashable, Sendable {
    /// The built-in sets.
    public let sets: [HolidaySet]
    /// Extra holidays, e.g. the bridge days a government announced.
    public let extraDates: Set<CivilDate>

    /// No holidays at all.
    public static let none = HolidayCalendar(sets: [], extraDates: [])

    /// Combines built-in sets and extra dates.
    public init(sets: [HolidaySet], extraDates: Set<CivilDate> = []) {
        self.sets = sets
        self.extraDates = extraDates
    }

    /// Parses a `holidays` list: `vn`, `cn`, dates `YYYY-MM-DD` and inclusive ranges `YYYY-MM-DD..YYYY-MM-DD`.
    ///
    /// - Throws: ``LunarParseError`` naming the first entry that is none of these.
    public static func parse(names: [String]) throws(LunarParseError) -> HolidayCalendar {
        var sets: [HolidaySet] = []
        var dates: Set<CivilDate> = []
        for name in names {
            if let set = HolidaySet(rawValue: name.lowercased()) {
                if !sets.contains(set) { sets.append(set) }
            } else {
                dates.formUnion(try parseDates(name, kind: .holidays))
            }
        }
        return HolidayCalendar(sets: sets, extraDates: dates)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD` into the dates it names.
    static func parseDates(_ text: String, kind: LunarParseError.Subject) throws(LunarParseError) -> [CivilDate] {
        let expected =
            kind == .holidays
            ? "expected \"vn\", \"cn\", a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
            : "expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
        let bounds = text.split(separator: "..", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count), let first = CivilDate(iso: bounds[0]),
            let last = bounds.count == 2 ? CivilDate(iso: bounds[1]) : first
        else {
            throw LunarParseError(kind: kind, text: text, reason: expected)
        }
        guard first <= last, last.daysSinceEpoch - first.daysSinceEpoch < 366 else {
            throw LunarParseError(kind: kind, text: text, reason: "a range must run forward and span at most a year")
        }
        return (first.daysSinceEpoch...last.daysSinceEpoch).map(CivilDate.init(daysSinceEpoch:))
    }

    /// Whether `date` is a holiday of any set or one of the extra dates.
    public func isHoliday(_ date: CivilDate) -> Bool {
        extraDates.contains(date) || sets.contains { $0.contains(date) }
    }

    /// All holidays of Gregorian year `year`, sorted.
    public func holidays(in year: Int) -> [CivilDate] {
        var dates = Set(extraDates.filter { $0.year == year })
        for set in sets { dates.formUnion(set.dates(in: year)) }
        return dates.sorted()
    }
}
