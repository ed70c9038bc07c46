public import TicklerCalendar
public import TicklerSchedule

/// An RFC 5545 calendar of a schedule's occurrences within a window: one VEVENT per due instant.
///
/// Every obligation is written as explicit instances, whatever its recurrence: calendar clients cannot compute lunar
/// dates, solar terms or working-day adjustments (they do not support RSCALE, RFC 7529), and explicit instances make
/// every kind read the same. Each event starts at the due time in the obligation's zone (`DTSTART;TZID=…` with a
/// VTIMEZONE generated from the zone's rules for the window, or UTC for `UTC`), lasts ``eventDuration``, and has one
/// VALARM per reminder lead time. Fractions of a second of a due time are dropped (DATE-TIME has whole seconds).
///
/// The export is pure: the same schedule, window and ``stamp`` give the same octets.
public struct CalendarExport: Sendable {
    /// The `PRODID` of every export.
    public static let productIdentifier = "-//Tickler//ticklerctl export//EN"

    /// How long each event lasts: an hour from the due time, the slot a calendar shows for it.
    public static let eventDuration: Int64 = 3600

    /// The most events one export may hold, so that an `every = "1s"` cannot fill a disk.
    public static let defaultEventLimit = 100_000

    /// The obligations exported, in schedule order.
    public let obligations: [Obligation]
    /// Occurrences strictly after this instant are exported…
    public let start: Instant
    /// …and strictly before this one.
    public let end: Instant
    /// The `DTSTAMP` of every event: when the calendar was generated.
    public let stamp: Instant
    /// The most occurrences written; more is an error, not a silent cut.
    public let eventLimit: Int
    /// How people ended occurrences, by ``CalendarOccurrence/uid``: ticklerd's history, when it could be asked.
    public var resolutions: [String: OccurrenceResolution]

    /// An export of `obligations` due in `start <.. end`, generated at `stamp`, with the occurrences people ended
    /// marked as `resolutions` say.
    public init(
        obligations: [Obligation],
        after start: Instant,
        before end: Instant,
        stamp: Instant,
        eventLimit: Int = CalendarExport.defaultEventLimit,
        resolutions: [String: OccurrenceResolution] = [:]
    ) {
        self.obligations = obligations
        self.start = start
        self.end = end
        self.stamp = stamp
        self.eventLimit = eventLimit
        self.resolutions = resolutions
    }

    /// The occurrences in the window, soonest first (schedule order for equal due times).
    /// - Throws: ``CalendarExportError/tooManyEvents(limit:)`` when there are more than ``eventLimit``.
    public func occurrences() throws(CalendarExportError) -> [CalendarOccurrence] {
        var result: [(position: Int, occurrence: CalendarOccurrence)] = []
        for (position, obligation) in obligations.enumerated() {
            var iterator = obligation.recurrence.occurrences(after: start)
            // Each turn adds one occurrence or ends, and the count is bounded, so the loop ends.
            while let due = iterator.next(), due < end {
                guard result.count < eventLimit else { throw .tooManyEvents(limit: eventLimit) }
                result.append((position, CalendarOccurrence(obligation: obligation, due: due)))
            }
        }
        result.sort { lhs, rhs in
            lhs.occurrence.due != rhs.occurrence.due
                ? lhs.occurrence.due < rhs.occurrence.due : lhs.position < rhs.position
        }
        return result.map(\.occurrence)
    }

    /// The calendar as UTF-8 octets with CRLF line ends, folded at 75 octets.
    /// - Throws: ``CalendarExportError`` when the window holds too many occurrences or reaches past year 9999.
    public func render() throws(CalendarExportError) -> [UInt8] {
        try checkYears()
        return try render(try occurrences())
    }

    /// The calendar of `occurrences` (this export's ``occurrences()``, computed once by a caller that needed them
    /// first) as ``render()`` writes it.
    /// - Throws: ``CalendarExportError/yearOutOfRange(_:)`` when the window reaches past year 9999.
    public func render(_ occurrences: [CalendarOccurrence]) throws(CalendarExportError) -> [UInt8] {
        try checkYears()
        var writer = ICalendarWriter()
        writer.begin("VCALENDAR")
        writer.property("VERSION", "2.0")
        writer.property("PRODID", ICalendarText.escaped(Self.productIdentifier))
        writer.property("CALSCALE", "GREGORIAN")
        writer.text("NAME", "Tickler")
        writer.text("X-WR-CALNAME", "Tickler")
        // Regenerated daily by the timer in Deploy/tickler-ics.timer; subscribers may refresh as often (RFC 7986).
        writer.property("REFRESH-INTERVAL", parameters: [("VALUE", "DURATION")], "P1D")
        writer.property("X-PUBLISHED-TTL", "P1D")
        var zones: [ZoneRules] = []
        for occurrence in occurrences where !Self.isUTC(occurrence.obligation.zone) {
            if !zones.contains(occurrence.obligation.zone) { zones.append(occurrence.obligation.zone) }
        }
        for zone in zones { writer.timeZone(zone, from: start, through: end) }
        for occurrence in occurrences { event(occurrence, into: &writer) }
        writer.end("VCALENDAR")
        return writer.bytes
    }

    /// Refuses a window that reaches outside the years iCalendar's DATE-TIME can write.
    /// - Throws: ``CalendarExportError/yearOutOfRange(_:)``.
    public func checkYears() throws(CalendarExportError) {
        for instant in [start, end] {
            let year = ZoneRules.utc.localDateTime(at: instant).date.year
            guard ICalendarFormat.years.contains(year) else { throw .yearOutOfRange(year) }
        }
    }

    /// Writes the VEVENT of `occurrence`.
    private func event(_ occurrence: CalendarOccurrence, into writer: inout ICalendarWriter) {
        let obligation = occurrence.obligation
        let resolution = resolutions[occurrence.uid]
        writer.begin("VEVENT")
        writer.property("UID", ICalendarText.escaped(occurrence.uid))
        writer.property("DTSTAMP", ICalendarFormat.utc(stamp))
        writer.property(
            "DTSTART",
            parameters: Self.startParameters(occurrence),
            Self.startValue(occurrence)
        )
        writer.property("DURATION", ICalendarFormat.duration(seconds: Self.eventDuration))
        writer.text("SUMMARY", obligation.title)
        writer.text("DESCRIPTION", Self.description(of: occurrence, resolution: resolution))
        if let category = obligation.category { writer.text("CATEGORIES", category) }
        if case .skipped = resolution {
            writer.property("STATUS", "CANCELLED")
        } else {
            writer.property("STATUS", "CONFIRMED")
        }
        writer.property("TRANSP", "TRANSPARENT")
        for lead in obligation.reminderLeads {
            guard let seconds = lead.seconds, let trigger = ICalendarFormat.trigger(before: lead) else { continue }
            let reminder = ReminderEvent(
                obligationID: obligation.id,
                due: occurrence.due,
                stage: .reminder(lead: lead),
                fireAt: occurrence.due.adding(seconds: -seconds)
            )
            writer.begin("VALARM")
            writer.property(
                "UID",
                ICalendarText.escaped(
                    "\(obligation.id)/\(CalendarOccurrence.utcStamp(occurrence.due))/\(reminder.stageKey)@tickler"
                )
            )
            writer.property("ACTION", "DISPLAY")
            writer.property("TRIGGER", trigger)
            // RFC 9074 §6: a client shows no alarm the user has acknowledged.
            if case .acknowledged(let at) = resolution { writer.property("ACKNOWLEDGED", ICalendarFormat.utc(at)) }
            writer.text("DESCRIPTION", reminder.message(for: obligation))
            writer.end("VALARM")
        }
        writer.end("VEVENT")
    }

    /// Whether events in `zone` are written in UTC (`…Z`) rather than with a TZID.
    static func isUTC(_ zone: ZoneRules) -> Bool {
        ["UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"].contains(zone.identifier)
    }

    /// Whether the local reading of `occurrence`'s due time names exactly it: false for UTC zones, for the second
    /// of two equal readings on a night the clocks go back (a TZID time means the first, RFC 5545 §3.3.5), and for a
    /// due time with a fraction of a second. Those are written in UTC.
    static func hasExactLocalTime(_ occurrence: CalendarOccurrence) -> Bool {
        let zone = occurrence.obligation.zone
        guard !isUTC(zone), occurrence.due.microsecondsSinceEpoch % 1_000_000 == 0 else { return false }
        return zone.instant(for: zone.localDateTime(at: occurrence.due)) == occurrence.due
    }

    /// The DTSTART parameters: the TZID, or none for a UTC time.
    static func startParameters(_ occurrence: CalendarOccurrence) -> [(name: String, value: String)] {
        hasExactLocalTime(occurrence) ? [("TZID", occurrence.obligation.zone.identifier)] : []
    }

    /// The DTSTART value: the local time in the obligation's zone, or the UTC time.
    static func startValue(_ occurrence: CalendarOccurrence) -> String {
        guard hasExactLocalTime(occurrence) else { return ICalendarFormat.utc(occurrence.due) }
        return ICalendarFormat.dateTime(occurrence.obligation.zone.localDateTime(at: occurrence.due))
    }

    /// The DESCRIPTION: partner, owner, notes, the recurrence, the due time and the command that acknowledges it (or
    /// when it was acknowledged or skipped); one item a line.
    static func description(of occurrence: CalendarOccurrence, resolution: OccurrenceResolution? = nil) -> String {
        let obligation = occurrence.obligation
        var lines: [String] = []
        if let partner = obligation.partner { lines.append("Partner: \(partner)") }
        if let owner = obligation.owner { lines.append("Owner: \(owner)") }
        if let notes = obligation.notes { lines.append("Notes: \(notes)") }
        lines.append("Recurrence: \(obligation.recurrenceDescription)")
        lines.append(
            "Due: \(obligation.zone.zoned(occurrence.due).humanDescription) (\(obligation.zone.identifier))"
        )
        switch resolution {
        case .acknowledged(let at):
            lines.append("Acknowledged: \(obligation.zone.zoned(at).humanDescription) (\(obligation.zone.identifier))")
        case .skipped(let at):
            lines.append("Skipped: \(obligation.zone.zoned(at).humanDescription) (\(obligation.zone.identifier))")
        case nil:
            lines.append("Acknowledge: ticklerctl ack \(obligation.id) --due \(obligation.zone.zoned(occurrence.due))")
        }
        return lines.joined(separator: "\n")
    }
}
