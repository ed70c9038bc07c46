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

    let zones: any ZoneSource
    let systemZone: ZoneRules
    let defaults: ScheduleDefaults

    /// The obligation in `reader`'s table, or nil when it has problems (all reported to `reader`); rules already
    /// parsed in this load come from `cache`.
    func parse(_ reader: inout TableReader, index: Int, cache: inout RuleTextCache) -> Obligation? {
        let id = readID(&reader)
        reader.scope = .obligation(id: id, index: index)
        reader.reportUnknownKeys(known: Self.knownKeys)
        let title = reader.requiredString("title")
        if let title, Self.isBlank(title) { reader.report("title", "must not be empty") }
        let texts = Self.textKeys.map { reader.string($0) }
        let zone = reader.zone("timezone", in: zones) ?? defaults.zone ?? systemZone
        let time = reader.time("at") ?? defaults.time ?? ScheduleDefaults.builtInTime
        let leads = reader.periods("remind") ?? defaults.leads ?? ScheduleDefaults.builtInLeads
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
        guard let id = reader.requiredString("id") else { return nil }
        let valid =
            !id.isEmpty
            && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        guard valid else {
            reader.report("id", "invalid id \"\(id)\" (use lowercase letters a-z, digits and \"-\")")
            return nil
        }
        return id
    }
}
