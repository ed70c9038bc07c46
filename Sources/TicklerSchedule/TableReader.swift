import TicklerCalendar
import TicklerTOML

/// Reads typed values from one TOML table, recording each problem at the position of the key it concerns.
struct TableReader {
    /// The table read.
    let table: TOMLTable
    /// The file it is in, as diagnostics name it.
    let file: String
    /// What the table is, for diagnostics: the file's root, `[defaults]` or an obligation.
    var scope: ScheduleDiagnostic.Scope
    /// The problems found so far.
    private(set) var diagnostics: [ScheduleDiagnostic] = []

    /// A reader of `table` from `file`, reporting within `scope`.
    init(table: TOMLTable, file: String, scope: ScheduleDiagnostic.Scope) {
        self.table = table
        self.file = file
        self.scope = scope
    }

    /// Whether the table has `key`.
    func contains(_ key: TOMLTable.Key) -> Bool { table.contains(key) }

    /// Where the table is written: its header (`[[obligation]]`), or 1:1 for a file's root table.
    var position: TOMLPosition { table.position }

    /// Where `key` is written: the key itself, or for a table made by headers (`[defaults]`, `[[obligation]]`)
    /// its first header; nil when the table has no such key.
    func position(of key: TOMLTable.Key) -> TOMLPosition? {
        guard let entry = table.entry(key) else { return nil }
        switch entry.value.content {
        case .table(let inner) where inner.origin == .header || inner.origin == .implicit:
            return entry.value.position
        case .array(let elements) where elements.first?.table?.origin == .header:
            return entry.value.position
        default:
            return entry.keyPosition
        }
    }

    /// The line `key` is written on, when the table has it.
    func line(of key: TOMLTable.Key) -> Int? { position(of: key)?.line }

    /// Records a problem about `key` (nil: about the table), at the key's position, or the table's.
    mutating func report(_ key: String?, _ message: String) {
        let position = key.flatMap { self.position(of: TOMLTable.Key($0)) } ?? table.position
        diagnostics.append(
            ScheduleDiagnostic(
                file: file,
                line: position.line,
                column: position.column,
                scope: scope,
                key: key,
                message: message
            )
        )
    }

    /// Reports every key not in `known`, with the message `advice` gives for it, else suggesting the nearest known one.
    mutating func reportUnknownKeys(known: TOMLTable.KeySet, advice: (String) -> String? = { _ in nil }) {
        for index in known.positionsOfUnknownKeys(in: table) {
            let entry = table.entries[index]
            if let message = advice(entry.key) {
                report(entry.key, message)
                continue
            }
            let what = entry.value.table != nil ? "unknown table" : "unknown key"
            report(entry.key, what + Suggestion.hint(for: entry.key, among: known.names))
        }
    }

    /// Reports that `key` holds the wrong kind of value.
    private mutating func reportType(_ key: TOMLTable.Key, expected: String, found value: TOMLValue) {
        report(key.name, "expected \(expected), found \(Self.name(of: value.content))")
    }

    /// The string at `key`; nil when absent or not a string (reported).
    mutating func string(_ key: TOMLTable.Key) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            reportType(key, expected: "a string", found: value)
            return nil
        }
        return string
    }

    /// The string at `key`, reporting its absence.
    mutating func requiredString(_ key: TOMLTable.Key) -> String? {
        guard contains(key) else {
            report(nil, "missing required key \"\(key.name)\"")
            return nil
        }
        return string(key)
    }

    /// The strings of the array at `key`; nil when absent or not an array of strings (reported).
    mutating func strings(_ key: TOMLTable.Key, expected: String = "an array of strings") -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            reportType(key, expected: expected, found: value)
            return nil
        }
        var result: [String] = []
        for element in array {
            guard let string = element.string else {
                report(key.name, "expected \(expected), found an element that is \(Self.name(of: element.content))")
                return nil
            }
            result.append(string)
        }
        return result
    }

    /// The time of day at `key` (`"08:00"` or a TOML time `08:00:00`).
    mutating func time(_ key: TOMLTable.Key) -> TimeOfDay? {
        guard let value = table[key] else { return nil }
        if case .localTime(let time) = value.content {
            guard let timeOfDay = Self.timeOfDay(time) else {
                report(key.name, "invalid time of day \(time)")
                return nil
            }
            return timeOfDay
        }
        guard let text = value.string else {
            reportType(key, expected: "a time of day such as \"08:00\"", found: value)
            return nil
        }
        guard let time = TimeOfDay(iso: text) else {
            report(key.name, "invalid time of day \"\(text)\" (expected HH:MM or HH:MM:SS)")
            return nil
        }
        return time
    }

    /// The period at `key` (`"7d"`, or `"0"`/`0` for none).
    mutating func period(_ key: TOMLTable.Key, allowingCalendarUnits: Bool) -> Period? {
        guard let value = table[key] else { return nil }
        if value.integer == 0 { return .zero }
        guard let text = value.string else {
            reportType(key, expected: "a duration such as \"7d\"", found: value)
            return nil
        }
        return parsePeriod(text, key: key, allowingCalendarUnits: allowingCalendarUnits)
    }

    /// The periods of the array at `key` (`["30d", "7d"]`).
    mutating func periods(_ key: TOMLTable.Key) -> [Period]? {
        guard let texts = strings(key, expected: "an array of durations such as [\"7d\", \"1d\"]") else { return nil }
        var result: [Period] = []
        for text in texts {
            guard let period = parsePeriod(text, key: key, allowingCalendarUnits: false) else { return nil }
            result.append(period)
        }
        return result
    }

    /// `escalate`, as tables are asked for it.
    private static let escalateKey: TOMLTable.Key = "escalate"

    /// The delays of `escalate` (`["3d", "7d"]`): fixed lengths, none zero, each longer than the one before.
    mutating func escalationDelays() -> [Period]? {
        guard let delays = periods(Self.escalateKey) else { return nil }
        if delays.contains(where: \.isZero) {
            report("escalate", "a delay of \"0\" is the due time itself; escalations come after it")
        } else if zip(delays, delays.dropFirst()).contains(where: { ($0.seconds ?? 0) >= ($1.seconds ?? 0) }) {
            report("escalate", "the delays must grow from each step to the next (\"3d\", then \"7d\")")
        }
        return delays
    }

    /// The period `text` at `key`, reporting a bad or too long one (``Period/parse(_:allowingCalendarUnits:)``
    /// checks it against ``Limits``).
    private mutating func parsePeriod(_ text: String, key: TOMLTable.Key, allowingCalendarUnits: Bool) -> Period? {
        do {
            return try Period.parse(text, allowingCalendarUnits: allowingCalendarUnits)
        } catch {
            report(key.name, error.description)
            return nil
        }
    }

    /// The date or date-time at `key`: a TOML date or date-time, or ISO 8601 text.
    mutating func dateValue(_ key: TOMLTable.Key) -> DateValue? {
        guard let value = table[key] else { return nil }
        return dateValue(value, key: key)
    }

    /// The dates or date-times of the array at `key`.
    mutating func dateValues(_ key: TOMLTable.Key) -> [DateValue]? {
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

    /// The date or date-time `value` of `key` (a TOML date-time or ISO 8601 text), reporting a bad one.
    private mutating func dateValue(_ value: TOMLValue, key: TOMLTable.Key) -> DateValue? {
        switch value.content {
        case .localDate(let date):
            guard let civil = CivilDate(year: date.year, month: date.month, day: date.day) else {
                report(key.name, "invalid date \(date)")
                return nil
            }
            return .date(civil)
        case .localDateTime(let dateTime):
            guard let local = Self.localDateTime(dateTime.date, dateTime.time) else {
                report(key.name, "invalid date-time \(dateTime)")
                return nil
            }
            return .local(local)
        case .offsetDateTime(let dateTime):
            guard let local = Self.localDateTime(dateTime.date, dateTime.time) else {
                report(key.name, "invalid date-time \(dateTime)")
                return nil
            }
            return .instant(ZonedDateTime(local: local, offsetSeconds: dateTime.offsetMinutes * 60).instant)
        default:
            break
        }
        guard let text = value.string else {
            reportType(key, expected: "a date such as 2027-06-30 or a date-time such as 2027-06-30T08:00", found: value)
            return nil
        }
        guard let date = DateValue(iso: text) else {
            report(key.name, "invalid date \"\(text)\" (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            return nil
        }
        return date
    }

    /// The wall-clock time `time` on `date`, or nil when either is out of range (a leap second, a year the
    /// calendar does not hold).
    private static func localDateTime(_ date: TOMLDate, _ time: TOMLTime) -> LocalDateTime? {
        guard let civil = CivilDate(year: date.year, month: date.month, day: date.day),
            let timeOfDay = timeOfDay(time)
        else { return nil }
        return LocalDateTime(date: civil, time: timeOfDay)
    }

    /// A TOML time as a time of day, or nil for a leap second (60).
    ///
    /// Tickler keeps microseconds; further digits are truncated, as TOML 1.0 asks of an implementation with less
    /// precision ("the additional precision must be truncated, not rounded"), and as ``TimeOfDay/init(iso:)`` reads
    /// ISO 8601 text.
    private static func timeOfDay(_ time: TOMLTime) -> TimeOfDay? {
        let digits = time.fractionDigits.utf8.prefix(6)
        var microsecond = 0
        for digit in digits { microsecond = microsecond * 10 + Int(digit &- 0x30) }
        for _ in digits.count..<6 { microsecond *= 10 }
        return TimeOfDay(hour: time.hour, minute: time.minute, second: time.second, microsecond: microsecond)
    }

    /// The zone named at `key`.
    mutating func zone(_ key: TOMLTable.Key, in zones: any ZoneSource) -> ZoneRules? {
        guard let name = string(key) else { return nil }
        do {
            return try zones.rules(for: name)
        } catch {
            report(key.name, error.description)
            return nil
        }
    }

    /// A TOML value kind's name with its article: `an integer`, `a string`.
    static func name(of content: TOMLValue.Content) -> String {
        switch content {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .boolean: "a boolean"
        case .localDate: "a date"
        case .localTime: "a time"
        case .localDateTime, .offsetDateTime: "a date-time"
        }
    }
}
