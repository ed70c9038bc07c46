import TOMLKit
import TicklerCalendar

/// Reads typed values from one TOML table, recording each problem at the position of the key it concerns.
struct TableReader {
    let table: TOMLTable
    let file: String
    let positions: TOMLSourceMap.Table?
    var scope: ScheduleDiagnostic.Scope
    private(set) var diagnostics: [ScheduleDiagnostic] = []

    init(table: TOMLTable, file: String, positions: TOMLSourceMap.Table?, scope: ScheduleDiagnostic.Scope) {
        self.table = table
        self.file = file
        self.positions = positions
        self.scope = scope
    }

    /// Whether the table has `key`.
    func contains(_ key: String) -> Bool { table[key] != nil }

    /// The line `key` is written on, when known.
    func line(of key: String) -> Int? { positions?.keys[key]?.line }

    /// Records a problem about `key` (nil: about the table), at the key's line, or the table header's.
    mutating func report(_ key: String?, _ message: String) {
        let position = key.flatMap { positions?.keys[$0] } ?? positions?.header
        diagnostics.append(
            ScheduleDiagnostic(
                file: file,
                line: position?.line,
                column: position?.column,
                scope: scope,
                key: key,
                message: message
            )
        )
    }

    /// Reports every key not in `known`, with the message `advice` gives for it, else suggesting the nearest known one.
    mutating func reportUnknownKeys(known: [String], advice: (String) -> String? = { _ in nil }) {
        for key in table.keys.sorted() where !known.contains(key) {
            if let message = advice(key) {
                report(key, message)
                continue
            }
            let what = table[key]?.type == .table ? "unknown table" : "unknown key"
            report(key, what + Suggestion.hint(for: key, among: known))
        }
    }

    /// Reports that `key` holds the wrong kind of value.
    private mutating func reportType(_ key: String, expected: String, found value: any TOMLValueConvertible) {
        report(key, "expected \(expected), found \(Self.name(of: value.type))")
    }

    /// The string at `key`; nil when absent or not a string (reported).
    mutating func string(_ key: String) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            reportType(key, expected: "a string", found: value)
            return nil
        }
        return string
    }

    /// The string at `key`, reporting its absence.
    mutating func requiredString(_ key: String) -> String? {
        guard contains(key) else {
            report(nil, "missing required key \"\(key)\"")
            return nil
        }
        return string(key)
    }

    /// The strings of the array at `key`; nil when absent or not an array of strings (reported).
    mutating func strings(_ key: String, expected: String = "an array of strings") -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            reportType(key, expected: expected, found: value)
            return nil
        }
        var result: [String] = []
        for element in array {
            guard let string = element.string else {
                report(key, "expected \(expected), found an element that is \(Self.name(of: element.type))")
                return nil
            }
            result.append(string)
        }
        return result
    }

    /// The time of day at `key` (`"08:00"` or a TOML time `08:00:00`).
    mutating func time(_ key: String) -> TimeOfDay? {
        guard let value = table[key] else { return nil }
        if let time = value.time {
            return TimeOfDay(
                hour: time.hour,
                minute: time.minute,
                second: time.second,
                microsecond: time.nanoSecond / 1000
            )
        }
        guard let text = value.string else {
            reportType(key, expected: "a time of day such as \"08:00\"", found: value)
            return nil
        }
        guard let time = TimeOfDay(iso: text) else {
            report(key, "invalid time of day \"\(text)\" (expected HH:MM or HH:MM:SS)")
            return nil
        }
        return time
    }

    /// The period at `key` (`"7d"`, or `"0"`/`0` for none).
    mutating func period(_ key: String, allowingCalendarUnits: Bool) -> Period? {
        guard let value = table[key] else { return nil }
        if value.int == 0 { return .zero }
        guard let text = value.string else {
            reportType(key, expected: "a duration such as \"7d\"", found: value)
            return nil
        }
        return parsePeriod(text, key: key, allowingCalendarUnits: allowingCalendarUnits)
    }

    /// The periods of the array at `key` (`["30d", "7d"]`).
    mutating func periods(_ key: String) -> [Period]? {
        guard let texts = strings(key, expected: "an array of durations such as [\"7d\", \"1d\"]") else { return nil }
        var result: [Period] = []
        for text in texts {
            guard let period = parsePeriod(text, key: key, allowingCalendarUnits: false) else { return nil }
            result.append(period)
        }
        return result
    }

    /// The longest duration accepted, in days: about 1000 years, far beyond any obligation, and far from the
    /// ±292,000 years at which microsecond instants overflow.
    static let longestDurationDays = 365_250

    private mutating func parsePeriod(_ text: String, key: String, allowingCalendarUnits: Bool) -> Period? {
        let period: Period
        do {
            period = try Period.parse(text, allowingCalendarUnits: allowingCalendarUnits)
        } catch {
            report(key, error.description)
            return nil
        }
        let days =
            switch period.unit {
            case .month: Int64(period.count) * 31
            case .year: Int64(period.count) * 366
            default: period.seconds! / 86_400
            }
        guard days <= Self.longestDurationDays else {
            report(key, "invalid duration \"\(text)\": too long (at most 1000 years)")
            return nil
        }
        return period
    }

    /// The date or date-time at `key`: a TOML date or date-time, or ISO 8601 text.
    mutating func dateValue(_ key: String) -> DateValue? {
        guard let value = table[key] else { return nil }
        return dateValue(value, key: key)
    }

    /// The dates or date-times of the array at `key`.
    mutating func dateValues(_ key: String) -> [DateValue]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            reportType(key, expected: "an array of dates", found: value)
            return nil
        }
        var result: [DateValue] = []
        for element in array {
            guard let date = dateValue(element, key: key) else { return nil }
            result.append(date)
        }
        return result
    }

    private mutating func dateValue(_ value: any TOMLValueConvertible, key: String) -> DateValue? {
        if let date = value.date {
            guard let civil = CivilDate(year: date.year, month: date.month, day: date.day) else {
                report(key, "invalid date \(date.debugDescription)")
                return nil
            }
            return .date(civil)
        }
        if let dateTime = value.dateTime {
            let time = dateTime.time
            guard let date = CivilDate(year: dateTime.date.year, month: dateTime.date.month, day: dateTime.date.day),
                let timeOfDay = TimeOfDay(
                    hour: time.hour,
                    minute: time.minute,
                    second: time.second,
                    microsecond: time.nanoSecond / 1000
                )
            else {
                report(key, "invalid date-time \(dateTime.debugDescription)")
                return nil
            }
            let local = LocalDateTime(date: date, time: timeOfDay)
            guard let offset = dateTime.offset else { return .local(local) }
            return .instant(ZonedDateTime(local: local, offsetSeconds: offset.offset * 60).instant)
        }
        guard let text = value.string else {
            reportType(key, expected: "a date such as 2027-06-30 or a date-time such as 2027-06-30T08:00", found: value)
            return nil
        }
        guard let date = DateValue(iso: text) else {
            report(key, "invalid date \"\(text)\" (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            return nil
        }
        return date
    }

    /// The zone named at `key`.
    mutating func zone(_ key: String, in zones: any ZoneSource) -> ZoneRules? {
        guard let name = string(key) else { return nil }
        do {
            return try zones.rules(for: name)
        } catch {
            report(key, error.description)
            return nil
        }
    }

    /// A TOML type's name with its article: `an integer`, `a string`.
    static func name(of type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }
}
