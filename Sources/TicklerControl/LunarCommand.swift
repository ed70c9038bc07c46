public import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerLunar
import TicklerPlatform

/// `ticklerctl lunar`: converts dates between the Gregorian calendar and the Vietnamese or Chinese lunar calendar.
public struct LunarCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lunar",
        abstract: "Convert a date between the Gregorian and the Vietnamese or Chinese lunar calendar.",
        discussion: """
            Without --to-solar, DATE is a Gregorian date (YYYY-MM-DD, default: today in the system time zone) and \
            the lunar date is printed: month-day (with L after the month number for a leap month, e.g. 06L-01), \
            the lunar year and its sexagenary name (can chi in Vietnamese, 干支 in Chinese), and the solar term if \
            one falls on that day.

            With --to-solar, DATE is a lunar date YYYY-MM-DD (year, lunar month, lunar day; write the month as 06L, \
            or add --leap, for the leap month) and the Gregorian date is printed.

            The two calendars follow the same astronomical rules but count days at different offsets, UTC+7 for \
            the Vietnamese calendar (âm lịch) and UTC+8 for the Chinese one (农历, Beijing mean time before 1929), \
            so now and then they disagree: Tết 1985 fell on 21 January in Vietnam and on 20 February in China. \
            Supported: lunar years 1800–2300.

            Examples:
              ticklerctl lunar 2027-02-06                     Tết Đinh Mùi: 01-01
              ticklerctl lunar 1985-01-21 --calendar chinese  still lunar 1984, 12-01
              ticklerctl lunar --to-solar 2027-01-01          2027-02-06
              ticklerctl lunar --to-solar 2025-06-15 --leap   leap month 6: 2025-08-08
              ticklerctl lunar 2027-09-15 --json

            Exit status: 0 on success, 1 when DATE or an option is wrong or the date does not exist on the \
            calendar (one line on standard error names the bad part).
            """
    )

    @Argument(help: ArgumentHelp("Gregorian YYYY-MM-DD (default: today); with --to-solar, a lunar YYYY-MM-DD."))
    var date: String?

    @Option(help: ArgumentHelp("vietnamese (UTC+7) or chinese (UTC+8).", valueName: "calendar"))
    var calendar = "vietnamese"

    @Flag(name: .customLong("to-solar"), help: "Read DATE as a lunar date and print the Gregorian date.")
    var toSolar = false

    @Flag(help: "With --to-solar: the month is the leap month of that number.")
    var leap = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    public init() {}

    public func run() throws {
        do {
            let kind = try LunarCalendarKind(parsing: calendar)
            let conversion = toSolar ? try lunarToGregorian(kind) : try gregorianToLunar(kind)
            print(json ? conversion.json : conversion.text)
        } catch let error as LunarParseError {
            try fail("\(error)")
        } catch let error as Failure {
            try fail(error.message)
        }
    }

    /// A one-line error message for standard error.
    struct Failure: Error {
        let message: String
    }

    /// Prints `ticklerctl: message` to standard error and exits with status 1.
    private func fail(_ message: String) throws -> Never {
        FileDescriptorSink.diagnose(message)
        throw ExitCode.failure
    }

    /// The lunar date of the Gregorian DATE.
    private func gregorianToLunar(_ kind: LunarCalendarKind) throws -> Conversion {
        guard !leap else { throw Failure(message: "--leap needs --to-solar") }
        let calendar = LunisolarCalendar(kind: kind)
        let gregorian: CivilDate
        if let date {
            guard let parsed = CivilDate(iso: date) else {
                throw Failure(message: "bad date \"\(date)\": expected a Gregorian date YYYY-MM-DD")
            }
            gregorian = parsed
        } else {
            gregorian = ZoneDatabase.shared.systemRules().localDateTime(at: .now()).date
        }
        guard let lunar = calendar.lunarDate(for: gregorian) else {
            throw Failure(message: "\(gregorian) is outside the supported range \(Self.range(calendar))")
        }
        return Conversion(kind: kind, gregorian: gregorian, lunar: lunar)
    }

    /// The Gregorian date of the lunar DATE.
    private func lunarToGregorian(_ kind: LunarCalendarKind) throws -> Conversion {
        guard let date else { throw Failure(message: "--to-solar needs a lunar date YYYY-MM-DD") }
        let calendar = LunisolarCalendar(kind: kind)
        let lunar = try Self.parseLunar(date, leap: leap)
        guard LunisolarCalendar.supportedYears.contains(lunar.year) else {
            throw Failure(message: "lunar year \(lunar.year) is outside the supported years 1800–2300")
        }
        guard let gregorian = calendar.civilDate(for: lunar) else {
            let reason: String
            if let length = calendar.monthLength(year: lunar.year, month: lunar.month, isLeapMonth: lunar.isLeapMonth) {
                reason = "that month has \(length) days"
            } else if let leapMonth = calendar.leapMonth(in: lunar.year) {
                reason = "the leap month of \(lunar.year) is month \(leapMonth)"
            } else {
                reason = "lunar year \(lunar.year) has no leap month"
            }
            throw Failure(message: "lunar date \(lunar) does not exist on the \(kind) calendar: \(reason)")
        }
        return Conversion(kind: kind, gregorian: gregorian, lunar: lunar)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MML-DD` as a lunar date.
    static func parseLunar(_ text: String, leap: Bool) throws -> LunarDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let monthText = parts.count == 3 ? parts[1] : ""
        let isLeap = leap || monthText.hasSuffix("L")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            let month = Int(monthText.hasSuffix("L") ? monthText.dropLast() : monthText), (1...12).contains(month),
            parts[2].count <= 2, let day = Int(parts[2]), (1...30).contains(day)
        else {
            throw Failure(
                message: "bad lunar date \"\(text)\": expected YYYY-MM-DD with month 1–12 (06L: leap) and day 1–30"
            )
        }
        return LunarDate(year: year, month: month, day: day, isLeapMonth: isLeap)
    }

    /// `first … last` of a calendar's supported Gregorian dates.
    private static func range(_ calendar: LunisolarCalendar) -> String {
        "\(calendar.supportedDates.lowerBound) … \(calendar.supportedDates.upperBound)"
    }

    /// A Gregorian date with its lunar date, printable as text or JSON.
    struct Conversion {
        let kind: LunarCalendarKind
        let gregorian: CivilDate
        let lunar: LunarDate

        /// The solar term that falls on the day, if any.
        var solarTerm: SolarTerm? {
            SolarTerm.allCases.first { $0.date(in: gregorian.year, calendar: kind) == gregorian }
        }

        /// `+07:00`.
        var offset: String { "+0\(kind.utcOffsetHours):00" }

        /// The human form, one labelled line per fact.
        var text: String {
            let month = lunar.isLeapMonth ? " (leap month \(lunar.month))" : ""
            var lines = [
                "Gregorian date: \(gregorian) (\(Self.weekdayNames[gregorian.weekday.rawValue - 1]))",
                "    Lunar date: \(lunar.monthDay)\(month), year \(lunar.sexagenaryYear.name(for: kind)) (\(lunar.year))",
                "      Calendar: \(kind) (UTC+\(kind.utcOffsetHours))",
            ]
            if let term = solarTerm { lines.append("    Solar term: \(term.name(for: kind)) (\(term.key))") }
            return lines.joined(separator: "\n")
        }

        /// English weekday names, Monday first.
        static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

        /// The machine form: one object on one line, keys sorted.
        var json: String {
            var members: [(key: String, value: JSONValue)] = [
                ("calendar", .string(kind.rawValue)),
                ("gregorian", .string(gregorian.description)),
                (
                    "lunar",
                    .object([
                        ("day", .integer(lunar.day)), ("leapMonth", .bool(lunar.isLeapMonth)),
                        ("month", .integer(lunar.month)), ("monthDay", .string(lunar.monthDay)),
                        ("year", .integer(lunar.year)), ("yearName", .string(lunar.sexagenaryYear.name(for: kind))),
                    ])
                ),
            ]
            if let term = solarTerm { members.append(("solarTerm", .string(term.key))) }
            members += [("utcOffset", .string(offset)), ("weekday", .string(gregorian.weekday.shortName))]
            return JSONValue.object(members).rendered(pretty: false)
        }
    }
}
