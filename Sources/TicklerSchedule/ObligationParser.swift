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

    let zones: any ZoneSource
    let systemZone: ZoneRules
    let defaults: ScheduleDefaults

    /// The obligation in `reader`'s table, or nil when it has problems (all reported to `reader`).
    func parse(_ reader: inout TableReader, index: Int) -> Obligation? {
        let id = readID(&reader)
        reader.scope = .obligation(id: id, index: index)
        reader.reportUnknownKeys(known: Self.knownKeys)
        let title = reader.requiredString("title")
        if title?.allSatisfy(\.isWhitespace) == true { reader.report("title", "must not be empty") }
        let texts = Self.textKeys.map { reader.string($0) }
        let zone = reader.zone("timezone", in: zones) ?? defaults.zone ?? systemZone
        let time = reader.time("at") ?? defaults.time ?? ScheduleDefaults.builtInTime
        let leads = reader.periods("remind") ?? defaults.leads ?? ScheduleDefaults.builtInLeads
        if leads.contains(where: \.isZero) {
            reader.report("remind", "a lead of \"0\" is the due time itself; remove it")
        }
        let overdue =
            reader.period("overdue-every", allowingCalendarUnits: false)
            ?? defaults.overdueEvery ?? ScheduleDefaults.builtInOverdueEvery
        let escalate = reader.escalationDelays() ?? defaults.escalate ?? []
        let built = RecurrenceBuilder(zone: zone, zones: zones, time: time).build(&reader)
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
            escalate: escalate,
            source: SourceLocation(file: reader.file, line: reader.position.line, column: reader.position.column)
        )
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
