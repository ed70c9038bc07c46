public import ArgumentParser
import TicklerCalendar
import TicklerPlatform
import TicklerSchedule

/// `ticklerctl calendar`: previews the occurrences of a recurrence rule, the way `systemd-analyze calendar` does
/// for timers — built by the schedule loader's own ``RecurrenceBuilder``, so that a rule previews exactly as the
/// daemon plans it — or the due times of an obligation of the schedule.
public struct CalendarCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the next occurrences of a recurrence rule, or of an obligation of the schedule.",
        discussion: """
            Give exactly one rule, written as in a schedule file:

              --every PERIOD      Every N days, weeks, months or years (7d,
                                  2w, 3m, 5y) from --start; a day missing in
                                  the target month becomes its last day.
              --once DATE         A one-off deadline.
              --rrule RULE        An RFC 5545 recurrence rule (FREQ=…;BYDAY=…)
                                  counted from --start, as python-dateutil
                                  counts it: the start is a lower bound and
                                  an occurrence only when it matches the rule.
              --on-calendar SPEC  A systemd calendar event (systemd.time(7)),
                                  computed as systemd 252's `systemd-analyze
                                  calendar --base-time=… --iterations=N`
                                  computes it, daylight saving included.
              --lunar MM-DD       A lunar month and day every year on
                                  --calendar (vietnamese, the default, or
                                  chinese). --leap says what a leap month of
                                  that number does: skip (the default), also
                                  or only. Day 30 in a 29-day month falls back
                                  to day 29.
              --solar-term NAME   The local date of a solar term every year
                                  (qingming, dongzhi, …) on --calendar.

            or --obligation ID: the due times of that obligation of the
            schedule (--config PATH, else $CONFIGURATION_DIRECTORY, else
            /etc/tickler), in its zone, exactly as ticklerd plans them.

            The rule is built by the same code as the schedule's, with the same
            keys: --start, --until, --calendar, --leap, and the modifiers
            --adjust previous-workday|next-workday with --holidays (vn, cn,
            dates, ranges) and --workdays, --except and --also (dates; these
            four may be repeated or given as comma-separated lists). A due date
            written as a date (--start 2014-12-15, --once, --also, lunar and
            solar-term dates) is due at --at, and times without an offset are
            read in --tz. When --at or --tz is not given, the rule takes the
            schedule's [defaults] (at, timezone), as it would in that schedule,
            and one line on standard error says which it used, such as

              ticklerctl: using [defaults] of /etc/tickler: at 09:00, timezone UTC

            Without a schedule the built-in defaults apply: at 08:00, in the
            system zone ($TZ, else /etc/localtime). Standard output holds only
            the occurrences.

            Each occurrence is printed on its own line in ISO 8601 with its UTC
            offset, such as 2026-01-30T09:00:00+07:00, with six digits of
            fraction when the instant has one. --json prints a JSON array of
            the same strings instead (and no line on standard error).

            --after lists only occurrences strictly after the given time: an
            ISO 8601 date or date-time, with or without an offset, or `now`.
            Without --after, a rule with a --start is listed from its start, so
            `--every 5y --start 2014-12-15` begins with 2014-12-15 08:00, a
            --once rule shows its date, and any other rule and an obligation
            are listed from now, as systemd-analyze does. --until ends the list.

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

              Every five years from 15 December 2014 (an agreement's renewals),
              at the schedule's `at`:
                ticklerctl calendar --every 5y --start 2014-12-15

              The next five Spring Festivals on the Chinese calendar, at 08:00:
                ticklerctl calendar --lunar 01-01 --calendar chinese \\
                    --at 08:00 --after now -n 5

              Ten days before Tết, moved to the working day before a weekend or
              a Vietnamese holiday:
                ticklerctl calendar --lunar 12-20 --adjust previous-workday \\
                    --holidays vn

              Qingming (Thanh Minh) from 2027 on:
                ticklerctl calendar --solar-term qingming --after 2027-01-01

              An obligation of the schedule, as ticklerd will plan it:
                ticklerctl calendar --obligation labour-agreement-van-son -n 3
            """
    )

    @Option(help: ArgumentHelp("A period from --start: 7d, 2w, 3m or 5y.", valueName: "period"))
    var every: String?

    @Option(help: ArgumentHelp("A one-off date or date-time.", valueName: "date-time"))
    var once: String?

    @Option(help: ArgumentHelp("An RFC 5545 rule, such as 'FREQ=MONTHLY;BYDAY=-1FR'.", valueName: "rule"))
    var rrule: String?

    @Option(
        name: .customLong("on-calendar"),
        help: ArgumentHelp("A systemd calendar event, such as 'Mon..Fri *-*-01..07 09:00'.", valueName: "spec")
    )
    var onCalendar: String?

    @Option(help: ArgumentHelp("A lunar month-day, yearly: 01-01, 08-15.", valueName: "MM-DD"))
    var lunar: String?

    @Option(name: .customLong("solar-term"), help: ArgumentHelp("A solar term, yearly: qingming.", valueName: "name"))
    var solarTerm: String?

    @Option(help: ArgumentHelp("The due times of this obligation of the schedule.", valueName: "id"))
    var obligation: String?

    @OptionGroup var schedule: ScheduleOptions

    @Option(
        help: ArgumentHelp("The lunar calendar: vietnamese (UTC+7, default) or chinese (UTC+8).", valueName: "name")
    )
    var calendar: String?

    @Option(help: ArgumentHelp("A date in a leap month: skip (default), also or only.", valueName: "policy"))
    var leap: String?

    @Option(
        help: ArgumentHelp(
            "The time of day of due dates written as dates (default: [defaults] at, else 08:00).",
            valueName: "HH:MM"
        )
    )
    var at: String?

    @Option(
        help: ArgumentHelp(
            "The start (DTSTART) of --rrule and --every; a lower bound otherwise.",
            valueName: "date-time"
        )
    )
    var start: String?

    @Option(help: ArgumentHelp("No occurrence after this date-time (a date: that whole day).", valueName: "date-time"))
    var until: String?

    @Option(
        help: ArgumentHelp(
            "The IANA time zone to read and print times in (default: [defaults] timezone, else the system zone).",
            valueName: "zone"
        )
    )
    var tz: String?

    @Option(help: ArgumentHelp("Move due dates off days off: previous-workday or next-workday.", valueName: "how"))
    var adjust: String?

    @Option(help: ArgumentHelp("Days off for --adjust: vn, cn, dates, ranges.", valueName: "days"))
    var holidays: [String] = []

    @Option(help: ArgumentHelp("Make-up working days for --adjust.", valueName: "dates"))
    var workdays: [String] = []

    @Option(help: ArgumentHelp("Drop the due times on these dates (or at these date-times).", valueName: "dates"))
    var except: [String] = []

    @Option(help: ArgumentHelp("Add these due dates (or date-times).", valueName: "dates"))
    var also: [String] = []

    @Option(help: ArgumentHelp("List occurrences strictly after this date-time, or `now`.", valueName: "date-time"))
    var after: String?

    @Option(name: [.customShort("n"), .customLong("count")], help: "How many occurrences to list.")
    var count: Int = 10

    @Flag(help: "Print a JSON array of strings instead of lines.")
    var json = false

    public init() {}

    public mutating func run() throws {
        var sink = FileDescriptorSink.standardOutput
        let now = Instant.now()
        do {
            if let obligation {
                try checkObligationOptions()
                let loaded = try schedule.loadOrExit()
                try render(obligation: obligation, in: loaded, now: now, to: &sink)
            } else {
                let systemZone = ZoneDatabase.shared.systemRules()
                let needs = try neededDefaults()
                let defaults =
                    needs.zone || needs.time
                    ? PreviewDefaults.read(path: schedule.path, systemZone: systemZone)
                    : PreviewDefaults.builtIn(systemZone: systemZone)
                let preview = try preview(now: now, zones: ZoneDatabase.shared, defaults: defaults)
                if !json, let note = defaults.note(usedZone: needs.zone, usedTime: needs.time) {
                    FileDescriptorSink.diagnose(note)
                }
                write(preview, to: &sink)
            }
        } catch let error as CalendarCommandError {
            FileDescriptorSink.diagnose(error.description)
            throw ExitCode.failure
        }
    }

    /// What a preview lists: the occurrences of `recurrence` strictly after `after` and not after `until`, written
    /// in `zone`.
    struct Preview {
        let recurrence: any Recurrence
        let zone: ZoneRules
        let after: Instant
        let until: Instant?
    }

    /// Writes the occurrences of the rule the options give to `sink`, with `defaults` for what they leave out.
    /// - Throws: ``CalendarCommandError`` naming the option and the bad part.
    func render(
        now: Instant,
        zones: any ZoneSource,
        defaults: PreviewDefaults,
        to sink: inout some OutputSink
    ) throws(CalendarCommandError) {
        write(try preview(now: now, zones: zones, defaults: defaults), to: &sink)
    }

    /// Checks `-n` against the one limit on counts (``Limits/maximumCount``).
    /// - Throws: ``CalendarCommandError`` for a negative or too large count.
    private func checkCount() throws(CalendarCommandError) {
        guard count >= 0 else { throw CalendarCommandError("--count", "must not be negative") }
        guard count <= Limits.maximumCount else {
            throw CalendarCommandError("--count", "must be at most \(Limits.maximumCountText)")
        }
    }

    /// The preview of the rule the options give, with `defaults` for what they leave out.
    /// - Throws: ``CalendarCommandError`` naming the option and the bad part.
    func preview(now: Instant, zones: any ZoneSource, defaults: PreviewDefaults) throws(CalendarCommandError) -> Preview
    {
        try checkCount()
        let spec = try spec(zones: zones, defaults: defaults)
        let built: BuiltRecurrence
        do {
            built = try RecurrenceBuilder.build(spec)
        } catch {
            guard let first = error.problems.first else { throw CalendarCommandError("", "invalid rule") }
            throw CalendarCommandError(first.key.map(RecurrenceSpec.option(for:)) ?? "", first.message)
        }
        // A rule with a start lists from the start unless --after says otherwise, a one-off shows its date; the
        // others list from now.
        let first = spec.start ?? (spec.kind == .once ? spec.value.flatMap(Self.date) : nil)
        let fallback = first.map {
            spec.zone.instant(for: $0.local(at: spec.time, in: spec.zone)).adding(microseconds: -1)
        }
        let after = try afterInstant(zone: spec.zone, now: now, default: fallback ?? now)
        return Preview(recurrence: built.recurrence, zone: spec.zone, after: after, until: nil)
    }

    /// Writes the due times of the obligation `id` of `schedule` to `sink`, in its zone, from --after (default:
    /// now) to --until.
    /// - Throws: ``CalendarCommandError`` when there is no such obligation, or an option is invalid.
    func render(
        obligation id: String,
        in schedule: Schedule,
        now: Instant,
        to sink: inout some OutputSink
    ) throws(CalendarCommandError) {
        try checkCount()
        guard let obligation = schedule[id] else {
            let place = schedule.files.count == 1 ? schedule.files[0] : self.schedule.path
            throw CalendarCommandError(
                "--obligation",
                "no obligation \"\(id)\" in \(place)" + Suggestion.hint(for: id, among: schedule.ids)
            )
        }
        let zone = obligation.zone
        let last = try until.map { text throws(CalendarCommandError) in
            guard let value = DateValue(iso: text) else { throw Self.invalidDate("--until", text) }
            return zone.instant(for: value.inclusiveEnd(in: zone))
        }
        let after = try afterInstant(zone: zone, now: now, default: now)
        write(Preview(recurrence: obligation.recurrence, zone: zone, after: after, until: last), to: &sink)
    }

    /// Writes at most --count occurrences of `preview` to `sink`.
    private func write(_ preview: Preview, to sink: inout some OutputSink) {
        var output = OccurrenceList(
            writer: OccurrenceWriter(sink: sink, zone: preview.zone, json: json),
            count: count,
            until: preview.until
        )
        output.emit(any: preview.recurrence, after: preview.after)
        output.writer.finish()
        sink = output.writer.sink
    }

    /// Reports the options that have no place beside --obligation: the obligation's own rule is previewed.
    private func checkObligationOptions() throws(CalendarCommandError) {
        let rules = ruleOptions.map(\.option)
        guard rules.isEmpty else {
            throw CalendarCommandError("--obligation", "give an obligation or a rule, not both (\(rules[0]) given)")
        }
        let parameters: [(String, Bool)] = [
            ("--start", start != nil), ("--tz", tz != nil), ("--at", at != nil), ("--calendar", calendar != nil),
            ("--leap", leap != nil), ("--adjust", adjust != nil), ("--holidays", !holidays.isEmpty),
            ("--workdays", !workdays.isEmpty), ("--except", !except.isEmpty), ("--also", !also.isEmpty),
        ]
        if let (option, _) = parameters.first(where: \.1) {
            throw CalendarCommandError(option, "not valid with --obligation (the obligation's own rule is previewed)")
        }
    }

    /// The rule options given, with the kind each stands for.
    private var ruleOptions: [(option: String, kind: RecurrenceSpec.Kind, text: String)] {
        let given: [(RecurrenceSpec.Kind, String?)] = [
            (.rrule, rrule), (.onCalendar, onCalendar), (.every, every), (.once, once), (.lunar, lunar),
            (.solarTerm, solarTerm),
        ]
        return given.compactMap { kind, text in text.map { (RecurrenceSpec.option(for: kind.key), kind, $0) } }
    }

    /// The one rule given.
    /// - Throws: ``CalendarCommandError`` when there is none, or more than one.
    private func rule() throws(CalendarCommandError) -> (kind: RecurrenceSpec.Kind, text: String) {
        let given = ruleOptions
        guard given.count == 1 else {
            throw CalendarCommandError(
                "",
                given.isEmpty
                    ? "give a rule: --every, --once, --rrule, --on-calendar, --lunar or --solar-term, "
                        + "or --obligation ID"
                    : "give only one rule, not \(given.map(\.option).joined(separator: " and "))"
            )
        }
        return (given[0].kind, given[0].text)
    }

    /// Which defaults the rule needs: the zone unless --tz is given, the time of day unless --at is given or no
    /// due date is written as a date.
    func neededDefaults() throws(CalendarCommandError) -> (zone: Bool, time: Bool) {
        let draft = try spec(zones: ZoneDatabase.shared, defaults: .builtIn(systemZone: .utc), readingZone: false)
        return (tz == nil, at == nil && draft.readsTimeOfDay)
    }

    /// The spec of the rule the options give, in --tz at --at, else in `defaults`' zone at their time.
    /// - Parameter readingZone: whether to look --tz up (false: only the shape of the spec is wanted).
    /// - Throws: ``CalendarCommandError`` for a missing rule, an unknown zone or an unreadable date.
    func spec(
        zones: any ZoneSource,
        defaults: PreviewDefaults,
        readingZone: Bool = true
    ) throws(CalendarCommandError) -> RecurrenceSpec {
        let (kind, text) = try rule()
        var zone = defaults.zone
        if let tz, readingZone {
            do {
                zone = try zones.rules(for: tz)
            } catch {
                throw CalendarCommandError("--tz", error.description)
            }
        }
        var time = defaults.time
        if let at {
            guard let parsed = TimeOfDay(iso: at) else {
                throw CalendarCommandError("--at", "\(at): expected a time of day such as 08:00")
            }
            time = parsed
        }
        var spec = RecurrenceSpec(
            kind: kind,
            value: .text(text),
            zone: zone,
            zones: zones,
            time: time,
            naming: .commandLine
        )
        spec.start = try start.map { text throws(CalendarCommandError) in try Self.dateValue(text, "--start") }
        spec.until = try until.map { text throws(CalendarCommandError) in try Self.dateValue(text, "--until") }
        spec.calendar = calendar
        spec.leap = leap
        spec.adjust = adjust
        spec.holidays = holidays.isEmpty ? nil : Self.list(holidays)
        spec.workdays = workdays.isEmpty ? nil : Self.list(workdays)
        spec.except =
            except.isEmpty
            ? nil
            : try Self.list(except).map { text throws(CalendarCommandError) in
                try Self.dateValue(text, "--except")
            }
        spec.also =
            also.isEmpty
            ? nil
            : try Self.list(also).map { text throws(CalendarCommandError) in
                try Self.dateValue(text, "--also")
            }
        return spec
    }

    /// The values of a repeatable option, each occurrence also split at commas.
    private static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: true) }.compactMap { part in
            let trimmed = part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }

    /// The date of a `.text` value, when it is one.
    private static func date(_ value: RecurrenceSpec.Value) -> DateValue? {
        switch value {
        case .date(let date): date
        case .text(let text): DateValue(iso: text)
        case .period: nil
        }
    }

    /// A date, a local date-time or a date-time with an offset.
    private static func dateValue(_ text: String, _ option: String) throws(CalendarCommandError) -> DateValue {
        guard let value = DateValue(iso: text) else { throw invalidDate(option, text) }
        return value
    }

    private static func invalidDate(_ option: String, _ text: String) -> CalendarCommandError {
        CalendarCommandError(
            option,
            "\(text): expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00"
        )
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
}
