import TicklerCalendar
import TicklerSchedule
import TicklerTOML

/// Reads typed values from one table of notify.toml, recording each problem at the position of its key.
struct NotifyTableReader {
    /// The table read.
    let table: TOMLTable
    /// The file it is in.
    let file: String
    /// The channel the table is, if any.
    let channel: String?
    /// The problems found so far.
    private(set) var diagnostics: [NotifyDiagnostic] = []

    /// A reader of `table` of `file`, in `channel`.
    init(table: TOMLTable, file: String, channel: String?) {
        self.table = table
        self.file = file
        self.channel = channel
    }

    /// Whether the table has `key`.
    func contains(_ key: String) -> Bool { table[key] != nil }

    /// Records a problem about `key` (nil: the table), at the key's position, or the table's.
    mutating func report(_ key: String?, _ message: String) {
        let position = key.flatMap(position(of:)) ?? table.position
        diagnostics.append(
            NotifyDiagnostic(
                file: file,
                line: position.line,
                column: position.column,
                channel: channel,
                key: key,
                message: message
            )
        )
    }

    /// Where `key` is written: the key itself, or for a table made by headers (`[channel.x]`) its first header.
    private func position(of key: String) -> TOMLPosition? {
        guard let entry = table.entry(key) else { return nil }
        if let inner = entry.value.table, inner.origin == .header || inner.origin == .implicit {
            return entry.value.position
        }
        return entry.keyPosition
    }

    /// Reports every key not in `known`, with `advice`'s message, else suggesting the nearest known one.
    mutating func reportUnknownKeys(known: [String], advice: (String) -> String? = { _ in nil }) {
        for entry in table.entries where !known.contains(entry.key) {
            report(entry.key, advice(entry.key) ?? "unknown key" + Suggestion.hint(for: entry.key, among: known))
        }
    }

    /// The table at `key`; nil when absent or not a table (reported).
    mutating func table(_ key: String) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table else {
            report(key, "expected a table, found a TOML \(value.content.kindName)")
            return nil
        }
        return inner
    }

    /// The string at `key`; nil when absent or not a string (reported).
    mutating func string(_ key: String) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            report(key, "expected a string, found a TOML \(value.content.kindName)")
            return nil
        }
        return text
    }

    /// The string at `key`, reporting its absence.
    mutating func requiredString(_ key: String) -> String? {
        guard contains(key) else {
            report(nil, "missing required key \"\(key)\"")
            return nil
        }
        return string(key)
    }

    /// The boolean at `key`.
    mutating func boolean(_ key: String) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.boolean else {
            report(key, "expected true or false, found a TOML \(value.content.kindName)")
            return nil
        }
        return flag
    }

    /// The strings of the array at `key`.
    mutating func strings(_ key: String) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
            report(key, "expected an array of strings, found a TOML \(value.content.kindName)")
            return nil
        }
        return array.compactMap(\.string)
    }

    /// The string values of the table at `key` (`{ Name = "value" }`), in the order written.
    mutating func stringTable(_ key: String) -> [(String, String)]? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table, inner.entries.allSatisfy({ $0.value.string != nil }) else {
            report(
                key,
                "expected a table of strings such as { Name = \"value\" }, found a TOML \(value.content.kindName)"
            )
            return nil
        }
        return inner.entries.map { ($0.key, $0.value.string ?? "") }
    }

    /// The duration at `key` (`"30s"`, `"1h"`), in microseconds; positive.
    mutating func duration(_ key: String) -> Int64? {
        guard let text = string(key) else { return nil }
        let period: Period
        do {
            period = try Period.parse(text, allowingCalendarUnits: false)
        } catch {
            report(key, error.description)
            return nil
        }
        guard let microseconds = period.microseconds, microseconds > 0, microseconds <= 366 * 86_400_000_000 else {
            report(key, "invalid duration \"\(text)\" (expected more than 0 and at most a year)")
            return nil
        }
        return microseconds
    }
}
