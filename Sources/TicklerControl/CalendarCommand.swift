public import ArgumentParser
import TicklerCalendar
import TicklerLunar
import TicklerOnCalendar
import TicklerRRule

/// `ticklerctl calendar`: previews the occurrences of a recurrence rule, the way `systemd-analyze calendar` does
/// for timers.
public struct CalendarCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the next occurrences of a recurrence rule.",
        discussion: """
            Give exactly one rule:

              --rrule RULE        An RFC 5545 recurrence rule (FREQ=…;BYDAY=…)
                                  counted from --start, as python-dateutil
                                  counts it: the start is a lower bound and
                                  an occurrence only when it matches the rule.
              --on-calendar SPEC  A systemd calendar event (systemd.time(7)),
                                  computed as systemd 252's `systemd-analyze
                                  calendar --base-time=… --iterations=N`
                                  computes it, daylight saving included.
              --every PERIOD      Every N days, weeks, months or years (7d,
                                  2w, 3m, 5y) from --start; a day missing in
                                  the target month becomes its last day.
              --lunar MM-DD       A lunar month and day every year on
                                  --calendar (vietnamese, the default, or
                                  chinese). --leap says what a leap month of
                                  that number does: skip (the default), also
                                  or only. Day 30 in a 29-day month falls back
                                  to day 29.
              --solar-term NAME   The local date of a solar term every year
                                  (qingming, dongzhi, …) on --calendar.

            Lunar and solar-term dates occur at --at (HH:MM), else at the time
            of day of --start, else at 00:00.

            Each occurrence is printed on its own line in ISO 8601 with its UTC
            offset in --tz, such as 2026-01-30T09:00:00+07:00, with six digits
            of fraction when the instant has one. --json prints a JSON array of
            the same strings instead.

            Date-times without an offset (--start, --until, --after) are read in
            --tz; the default zone is the system's ($TZ, else /etc/localtime).
            --after lists only occurrences strictly after the given time: an ISO
            8601 date or date-time, with or without an offset, or `now`. Without
            --after, a rule with a --start is listed from its start, so
            `--every 5y --start 2014-12-15` begins with 2014-12-15, and any
            other rule from now, as systemd-analyze does. --until ends the list
            at the given date-time.

            Invalid input prints one line naming the bad part and exits with
            status 1, for example:

              ticklerctl: --rrule: BYMONTH=13: month must be 1…12
              ticklerctl: --on-calendar: 25: hour must be 0…23

            Examples:

              The last Friday of each month at 09:00 in Hanoi:
                ticklerctl calendar --rrule 'FREQ=MONTHLY;BYDAY=-1FR' \\
                    --start 2026-01-01T09:00 --tz Asia/Ho_Chi_Minh

              The second Monday of March, from now on:
                ticklerctl calendar --rrule 'FREQ=YEARLY;BYMONTH=3;BYDAY=2MO' \\
                    --start 2027-01-01T08:00 --after now

              The first Monday of each month at 09:00, as systemd reads it:
                ticklerctl calendar --on-calendar 'Mon *-*-01..07 09:00' \\
                    --tz Asia/Ho_Chi_Minh

              Weekdays at 08:30 UTC, the first five in 2027:
                ticklerctl calendar --on-calendar 'Mon..Fri 08:30 UTC' \\
                    --after 2027-01-01 -n 5

              The third-last day of February, as a JSON array:
                ticklerctl calendar --on-calendar '*-02~03' --json

              Every five years from 15 December 2014 (an agreement's renewals):
                ticklerctl calendar --every 5y --start 2014-12-15

              The next five Spring Festivals on the Chinese calendar, at 08:00:
                ticklerctl calendar --lunar 01-01 --calendar chinese \\
                    --at 08:00 --after now -n 5

              Qingming (Thanh Minh) from 2027 on:
                ticklerctl calendar --solar-term qingming --after 2027-01-01
            """
    )

    @Option(help: ArgumentHelp("An RFC 5545 rule, such as 'FREQ=MONTHLY;BYDAY=-1FR'.", valueName: "rule"))
    var rrule: String?

    @Option(
        name: .customLong("on-calendar"),
        help: ArgumentHelp("A systemd calendar event, such as 'Mon..Fri *-*-01..07 09:00'.", valueName: "spec")
    )
    var onCalendar: String?

    @Option(help: ArgumentHelp("A period from --start: 7d, 2w, 3m or 5y.", valueName: "period"))
    var every: String?

    @Option(help: ArgumentHelp("A lunar month-day, yearly: 01-01, 08-15.", valueName: "MM-DD"))
    var lunar: String?

    @Option(name: .customLong("solar-term"), help: ArgumentHelp("A solar term, yearly: qingming.", valueName: "name"))
    var solarTerm: String?

    @Option(help: ArgumentHelp("The lunar calendar: vietnamese (UTC+7) or chinese (UTC+8).", valueName: "name"))
    var calendar: String = "vietnamese"

    @Option(help: ArgumentHelp("A date in a leap month: skip, also or only.", valueName: "policy"))
    var leap: String = "skip"

    @Option(help: ArgumentHelp("The time of day of lunar and solar-term dates.", valueName: "HH:MM"))
    var at: String?

    @Option(
        help: ArgumentHelp(
            "The start (DTSTART) of --rrule and --every; a lower bound otherwise.",
            valueName: "date-time"
        )
    )
    var start: String?

    @Option(help: ArgumentHelp("No occurrence after this date-time.", valueName: "date-time"))
    var until: String?

    @Option(
        help: ArgumentHelp(
            "The IANA time zone to read and print times in (default: the system zone).",
            valueName: "zone"
        )
    )
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
            errors.writeLine(Terminal.escaped("ticklerctl: \(error)"))
            throw ExitCode.failure
        }
    }

    /// Writes the occurrences the options ask for to `sink`.
    /// - Throws: ``CalendarCommandError`` naming the option and the bad part.
    func render(now: Instant, zones: ZoneDatabase, to sink: inout some OutputSink) throws(CalendarCommandError) {
        guard count >= 0 else { throw CalendarCommandError("--count", "must not be negative") }
        guard count <= Limits.maximumCount else {
            throw CalendarCommandError("--count", "must be at most \(Limits.maximumCountText)")
        }
        let zone = try zoneRules(zones)
        let given = [
            rrule.map { _ in "--rrule" }, onCalendar.map { _ in "--on-calendar" }, every.map { _ in "--every" },
            lunar.map { _ in "--lunar" }, solarTerm.map { _ in "--solar-term" },
        ].compactMap { $0 }
        guard given.count == 1 else {
            throw CalendarCommandError(
                "",
                given.isEmpty
                    ? "give a rule: --rrule, --on-calendar, --every, --lunar or --solar-term"
                    : "give only one rule, not \(given.joined(separator: " and "))"
            )
        }
        let first = try start.map { text throws(CalendarCommandError) in try localTime(text, "--start", zone) }
        let last = try until.map { text throws(CalendarCommandError) in try localTime(text, "--until", zone) }
        var output = OccurrenceList(
            writer: OccurrenceWriter(sink: sink, zone: zone, json: json),
            count: count,
            until: last.map { zone.instant(for: $0) }
        )
        // A rule with a start lists from the start unless --after says otherwise; the others from now.
        let fromStart = first.map { zone.instant(for: $0).adding(microseconds: -1) } ?? now
        let after = try afterInstant(zone: zone, now: now, default: fromStart)
        if let rrule {
            guard let first else { throw CalendarCommandError("--start", "required with --rrule") }
            let rule: RecurrenceRule
            do {
                rule = try RecurrenceRule(parsing: rrule)
            } catch {
                throw CalendarCommandError("--rrule", error.description)
            }
            output.emit(RRuleRecurrence(rule: rule, start: first, zone: zone), after: after)
        } else if let onCalendar {
            let event: CalendarEvent
            do {
                event = try CalendarEvent(parsing: onCalendar) { try? zones.rules(for: $0) }
            } catch {
                throw CalendarCommandError("--on-calendar", error.description)
            }
            let lowerBound = first.map { zone.instant(for: $0).adding(microseconds: -1) }
            output.emit(
                CalendarEventRecurrence(event: event, zone: zone),
                after: lowerBound.map { max($0, after) } ?? after
            )
        } else if let every {
            guard let first else { throw CalendarCommandError("--start", "required with --every") }
            let period: Period
            do {
                period = try Period.parse(every, allowingCalendarUnits: true)
            } catch {
                throw CalendarCommandError("--every", error.description)
            }
            guard !period.isZero else { throw CalendarCommandError("--every", "\(every): the period must not be 0") }
            output.emit(EveryRecurrence(start: first, period: period, zone: zone), after: after)
        } else {
            try emitLunar(&output, zone: zone, start: first, after: after)
        }
        output.writer.finish()
        sink = output.writer.sink
    }

    /// Lists --lunar or --solar-term dates at --at (else the time of --start, else midnight).
    private func emitLunar(
        _ output: inout OccurrenceList<some OutputSink>,
        zone: ZoneRules,
        start: LocalDateTime?,
        after: Instant
    ) throws(CalendarCommandError) {
        let kind: LunarCalendarKind
        do {
            kind = try LunarCalendarKind(parsing: calendar)
        } catch {
            throw CalendarCommandError("--calendar", error.description)
        }
        var time = start?.time ?? .midnight
        if let at {
            guard let parsed = TimeOfDay(iso: at) else {
                throw CalendarCommandError("--at", "\(at): expected a time of day such as 08:00")
            }
            time = parsed
        }
        if let lunar {
            let monthDay: LunarMonthDay
            let policy: LeapPolicy
            do {
                monthDay = try LunarMonthDay(parsing: lunar)
            } catch {
                throw CalendarCommandError("--lunar", error.description)
            }
            do {
                policy = try LeapPolicy(parsing: leap)
            } catch {
                throw CalendarCommandError("--leap", error.description)
            }
            let rule = LunarYearlyRule(monthDay: monthDay, calendar: kind, leap: policy)
            output.emit(DailyRecurrence(rule: rule, time: time, zone: zone, start: start), after: after)
        } else if let solarTerm {
            let term: SolarTerm
            do {
                term = try SolarTerm(parsing: solarTerm)
            } catch {
                throw CalendarCommandError("--solar-term", error.description)
            }
            let rule = SolarTermRule(term: term, calendar: kind)
            output.emit(DailyRecurrence(rule: rule, time: time, zone: zone, start: start), after: after)
        }
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
    private func afterInstant(
        zone: ZoneRules,
        now: Instant,
        default fallback: Instant
    ) throws(CalendarCommandError)
        -> Instant
    {
        guard let after else { return fallback }
        guard let instant = AfterOption.parse(after, zone: zone, now: now) else {
            throw CalendarCommandError("--after", "\(after): \(AfterOption.expected)")
        }
        return instant
    }

    /// A date or date-time; one with an offset is converted to the wall clock of `zone`.
    private func localTime(
        _ text: String,
        _ option: String,
        _ zone: ZoneRules
    ) throws(CalendarCommandError)
        -> LocalDateTime
    {
        if let local = LocalDateTime(iso: text) { return local }
        if let zoned = ZonedDateTime(iso: text) { return zone.localDateTime(at: zoned.instant) }
        throw CalendarCommandError(
            option,
            "\(text): expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00"
        )
    }
}
