public import ArgumentParser
import TicklerCalendar
import TicklerOnCalendar

/// `ticklerctl calendar`: previews the occurrences of a recurrence rule, the way `systemd-analyze calendar` does
/// for timers.
public struct CalendarCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the next occurrences of a recurrence rule.",
        discussion: """
            Give exactly one rule:
              --on-calendar SPEC   a systemd calendar event (systemd.time(7)), computed as systemd 252's
                                   `systemd-analyze calendar --iterations=N --base-time=…` does.
              --every PERIOD       every N days, weeks, months or years (7d, 2w, 3m, 5y) from --start; a day
                                   missing in the target month becomes that month's last day.

            Each occurrence is printed on its own line in ISO 8601 with its UTC offset in --tz, such as
            2026-01-30T09:00:00+07:00 (with six digits of fraction when the instant has one). --json prints a JSON
            array of the same strings instead.

            Date-times without an offset (--start, --until, --after) are read in --tz; the default zone is the
            system's ($TZ, else /etc/localtime). --after lists only occurrences strictly after the given time; it
            takes an ISO 8601 date or date-time with or without an offset, or `now`. Its default is `now` for
            --on-calendar, as with systemd-analyze, and for rules with a --start it is just before the start, so the
            list begins at the start itself when the start is an occurrence.

            Invalid input prints one line naming the bad part, for example
              ticklerctl: --on-calendar: 25: hour must be 0…23
            and exits with status 1.

            Examples:
              ticklerctl calendar --on-calendar 'Mon *-*-01..07 09:00' --tz Asia/Ho_Chi_Minh
                  The first Monday of each month at 09:00 in Hanoi.
              ticklerctl calendar --on-calendar 'Mon..Fri 08:30 UTC' --after 2027-01-01 -n 5
                  Weekdays at 08:30 UTC, the first five in 2027.
              ticklerctl calendar --on-calendar '*-02~03' --json
                  The third-last day of February, as a JSON array.
              ticklerctl calendar --every 5y --start 2014-12-15 --tz Asia/Ho_Chi_Minh
                  Every five years from 15 December 2014 (a labour agreement's renewals).
              ticklerctl calendar --every 1m --start 2027-01-31T08:00 --after now -n 3
                  The last day of the next three months that follow the 31st, at 08:00.
            """
    )

    @Option(
        name: .customLong("on-calendar"),
        help: ArgumentHelp("A systemd calendar event, such as 'Mon..Fri *-*-01..07 09:00'.", valueName: "spec"))
    var onCalendar: String?

    @Option(help: ArgumentHelp("A period from --start: 7d, 2w, 3m or 5y.", valueName: "period"))
    var every: String?

    @Option(help: ArgumentHelp("The first occurrence (date or local date-time) of --every.", valueName: "date-time"))
    var start: String?

    @Option(help: ArgumentHelp("No occurrence after this date-time (--every).", valueName: "date-time"))
    var until: String?

    @Option(help: ArgumentHelp("The IANA time zone to read and print times in (default: the system zone).",
        valueName: "zone"))
    var tz: String?

    @Option(help: ArgumentHelp("List occurrences strictly after this date-time, or `now`.", valueName: "date-time"))
    var after: String?

    @Option(name: [.customShort("n"), .customLong("count")], help: "How many occurrences to list.")
    var count: Int = 10

    @Flag(help: "Print a JSON array of strings instead of lines.")
    var json = false

    public init() {}

    public mutating func run() throws {
        var sink = FileDescriptorSink.standardOutput
        do {
            try render(now: Instant.now(), zones: .shared, to: &sink)
        } catch {
            var errors = FileDescriptorSink.standardError
            errors.writeLine("ticklerctl: \(error)")
            throw ExitCode.failure
        }
    }

    /// Writes the occurrences the options ask for to `sink`.
    /// - Throws: ``CalendarCommandError`` naming the option and the bad part.
    func render(now: Instant, zones: ZoneDatabase, to sink: inout some OutputSink) throws(CalendarCommandError) {
        guard count >= 0 else { throw CalendarCommandError("--count", "must not be negative") }
        let zone = try zoneRules(zones)
        let kinds = [onCalendar.map { _ in "--on-calendar" }, every.map { _ in "--every" }].compactMap { $0 }
        guard kinds.count == 1 else {
            throw CalendarCommandError(
                "", kinds.isEmpty ? "give a rule: --on-calendar or --every" : "give only one of \(kinds.joined(separator: ", "))")
        }
        if let onCalendar {
            let event: CalendarEvent
            do {
                event = try CalendarEvent(parsing: onCalendar) { try? zones.rules(for: $0) }
            } catch {
                throw CalendarCommandError("--on-calendar", error.description)
            }
            let after = try afterInstant(zone: zone, now: now, default: now)
            emit(CalendarEventRecurrence(event: event, zone: zone), after: after, zone: zone, to: &sink)
        } else if let every {
            let period: Period
            do {
                period = try Period.parse(every, allowingCalendarUnits: true)
            } catch {
                throw CalendarCommandError("--every", error.description)
            }
            guard let start else { throw CalendarCommandError("--start", "required with --every") }
            let first = try localTime(start, option: "--start", zone: zone)
            let last = try until.map { text throws(CalendarCommandError) in
                try localTime(text, option: "--until", zone: zone)
            }
            let recurrence = EveryRecurrence(start: first, period: period, until: last, zone: zone)
            let after = try afterInstant(zone: zone, now: now, default: zone.instant(for: first).adding(microseconds: -1))
            emit(recurrence, after: after, zone: zone, to: &sink)
        }
    }

    /// Writes up to ``count`` occurrences of `recurrence` after `after`.
    private func emit<Rule: Recurrence>(_ recurrence: Rule, after: Instant, zone: ZoneRules, to sink: inout some OutputSink) {
        var writer = OccurrenceWriter(sink: sink, zone: zone, json: json)
        var iterator = recurrence.occurrences(after: after)
        var written = 0
        while written < count, let instant = iterator.next() {
            writer.write(instant)
            written += 1
        }
        writer.finish()
        sink = writer.sink
    }

    private func zoneRules(_ zones: ZoneDatabase) throws(CalendarCommandError) -> ZoneRules {
        guard let tz else { return zones.systemRules() }
        do {
            return try zones.rules(for: tz)
        } catch {
            throw CalendarCommandError("--tz", error.description)
        }
    }

    /// The instant of --after: `now`, a date-time with an offset, or a local one read in `zone`.
    private func afterInstant(zone: ZoneRules, now: Instant, default fallback: Instant) throws(CalendarCommandError)
        -> Instant
    {
        guard let after else { return fallback }
        if after == "now" { return now }
        if let zoned = ZonedDateTime(iso: after) { return zoned.instant }
        return zone.instant(for: try localTime(after, option: "--after", zone: zone))
    }

    /// A date or date-time; one with an offset is converted to the wall clock of `zone`.
    private func localTime(_ text: String, option: String, zone: ZoneRules) throws(CalendarCommandError)
        -> LocalDateTime
    {
        if let local = LocalDateTime(iso: text) { return local }
        if let zoned = ZonedDateTime(iso: text) { return zone.localDateTime(at: zoned.instant) }
        throw CalendarCommandError(
            option, "\(text): expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00")
    }
}
