import TicklerCalendar
import TicklerTOML

/// Builds one ``Obligation`` from an `[[obligation]]` table, reporting every problem with its key.
struct ObligationParser {
    /// Keys naming a recurrence; exactly one per obligation.
    static let recurrenceKeys = ["every", "once", "rrule", "on-calendar", "lunar", "solar-term"]
    /// Free-text keys.
    static let textKeys = ["partner", "category", "notes", "owner"]
    /// Every key an obligation may hold.
    static let knownKeys =
        ["id", "title"] + textKeys + ["at", "timezone", "remind", "overdue-every", "escalate"] + recurrenceKeys
        + ["start", "until", "calendar", "leap", "except", "also", "adjust", "holidays", "workdays"]
        + NotifyRouting.keys

    /// The keys as the table is asked for them, each key's word made once.
    private enum TableKeys {
        static let known = TOMLTable.KeySet(knownKeys)
        static let id: TOMLTable.Key = "id"
        static let title: TOMLTable.Key = "title"
        static let texts = textKeys.map { TOMLTable.Key($0) }
        static let timezone: TOMLTable.Key = "timezone"
        static let at: TOMLTable.Key = "at"
        static let remind: TOMLTable.Key = "remind"
    }

    let zones: any ZoneSource
    let systemZone: ZoneRules
    let defaults: ScheduleDefaults

    /// The obligation in `reader`'s table, or nil when it has problems (all reported to `reader`); rules already
    /// parsed in this load come from `cache`.
    func parse(_ reader: inout TableReader, index: Int, cache: inout RuleTextCache) -> Obligation? {
        let id = readID(&reader)
        reader.scope = .obligation(id: id, index: index)
        reader.reportUnknownKeys(known: TableKeys.known)
        let title = reader.requiredString(TableKeys.title)
        if let title, Self.isBlank(title) { reader.report("title", "must not be empty") }
        let texts = TableKeys.texts.map { reader.string($0) }
        let zone = reader.zone(TableKeys.timezone, in: zones) ?? defaults.zone ?? systemZone
        let time = reader.time(TableKeys.at) ?? defaults.time ?? ScheduleDefaults.builtInTime
        let leads = reader.periods(TableKeys.remind) ?? defaults.leads ?? ScheduleDefaults.builtInLeads
        if leads.contains(where: \.isZero) {
            reader.report("remind", "a lead of \"0\" is the due time itself; remove it")
        }
        let overdue =
            reader.overdueEvery()
            ?? defaults.overdueEvery ?? ScheduleDefaults.builtInOverdueEvery
        let notify = NotifyRouting.read(&reader).resolved(over: defaults.notify)
        let escalate = reader.escalationDelays() ?? defaults.escalate ?? []
        let built = RecurrenceBuilder(zone: zone, zones: zones, time: time).build(&reader, cache: &cache)
        let problems = reader.diagnostics.count
        guard problems == 0, let id, let title, let (recurrence, description) = built else { return nil }
        return Obligation(
            id: id,
            title: title,
            partner: texts[0],
            category: texts[1],
            notes: texts[2],
            owner: texts[3],
            zone: zone,
            recurrence: recurrence,
            recurrenceDescription: description,
            reminderLeads: leads,
            overdueEvery: overdue,
            notify: notify,
            escalate: escalate,
            source: SourceLocation(file: reader.file, line: reader.position.line, column: reader.position.column)
        )
    }

    /// Whether `text` is empty or only white space; decided from the first byte when it is a visible ASCII
    /// character (a Character whose first scalar is not white space is not white space).
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x80 { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// The obligation's id when present and well formed (`[a-z0-9-]+`).
    private func readID(_ reader: inout TableReader) -> String? {
        guard let id = reader.requiredString(TableKeys.id) else { return nil }
        var bytes = id
        let valid = bytes.withUTF8 { utf8 in
            !utf8.isEmpty && utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
        guard valid else {
            reader.report("id", "invalid id \"\(id)\" (use lowercase letters a-z, digits and \"-\")")
            return nil
        }
        return id
    }
}
