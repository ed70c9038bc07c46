import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerPlatform
import TicklerSchedule

/// `ticklerctl upcoming`: the next reminders the daemon will write to the journal.
struct UpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "List the next reminders, due notices and overdue repeats, in the order they will fire.",
        discussion: """
            Plans the schedule from --after (default: now) exactly as ticklerd
            plans it and prints the next events: a reminder at each lead time
            of `remind` before a due date (TICKLER_EVENT=reminder), the due
            notice itself (due), and the repeats after it every
            `overdue-every` for 30 days until acknowledged (overdue). The
            MESSAGE column is the text the journal entry will carry.

            Events already fired are not looked up here: the list is what the
            schedule itself implies, from the given moment on.

            On a terminal the table is fitted to its width (or to $COLUMNS),
            long messages ending in "…", and shown through a pager, as
            `ticklerctl list` does; --no-pager and --no-legend as there.

            --json prints an array of objects with the keys fire_at, event,
            stage, lead (or null), obligation, due, title and message; times
            are ISO 8601 with the obligation's UTC offset.

            Without --config and --after, the running ticklerd is asked: its
            events carry each occurrence's state (acknowledged occurrences
            fire nothing more, snoozed ones resume later) in a STATE column,
            and --json prints the keys fire_at, stage, obligation, due, title,
            state and snoozed_until. When it is not running, or does not serve
            the caller (not root, not in the group tickler), ticklerctl says
            so on standard error and plans from the files.

            Exit status: 0, or 1 when the schedule has errors.

            Examples:
              ticklerctl upcoming
              ticklerctl upcoming -n 50 --after 2027-01-01
              ticklerctl upcoming --json | jq -r '.[].message'
            """
    )

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: ArgumentHelp("Plan from this date-time (default: now).", valueName: "date-time"))
    var after: String?

    @Option(name: [.customShort("n"), .customLong("count")], help: "How many events to list.")
    var count: Int = 20

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var view: TableViewOptions

    @OptionGroup var control: ControlOptions

    func run() throws {
        guard count >= 0 else { throw ValidationError("--count: must not be negative") }
        guard count <= Limits.maximumCount else {
            throw ValidationError("--count: must be at most \(Limits.maximumCountText)")
        }
        if schedule.configPath == nil, after == nil,
            let reply = try DaemonListing.ask(
                .upcoming(days: Self.daemonDays, limit: count, obligationID: nil),
                socket: control.path,
                fallback: schedule.path
            )
        {
            guard case .upcoming(let events) = reply else { throw DaemonClient.unexpected(reply) }
            if json {
                var output = FileDescriptorSink.standardOutput
                return output.writeLine(JSONValue.array(events.map(DaemonListing.json)).rendered())
            }
            let footer = "\(ScheduleOptions.count(events.count, "event")) listed, from the running ticklerd."
            return view.show(DaemonListing.table(events, now: .now()), shrinking: [5], footer: footer)
        }
        let loaded = try schedule.loadOrExit()
        let now = try AfterOption.instant(after, zone: ZoneDatabase.shared.systemRules())
        let events = Planner(schedule: loaded, after: now).upcoming(limit: count)
        var output = FileDescriptorSink.standardOutput
        if json {
            output.writeLine(JSONValue.array(events.compactMap { Self.json($0, in: loaded) }).rendered())
            return
        }
        var table = TextTable(headings: ["when", "left", "event", "id", "message"])
        for event in events {
            guard let obligation = loaded[event.obligationID] else { continue }
            table.append([
                obligation.zone.zoned(event.fireAt).humanDescription,
                HumanDuration.text(microseconds: event.fireAt.microseconds(since: now)),
                event.stage.eventKind + (event.lead.map { " " + $0.description } ?? ""),
                obligation.id, event.message(for: obligation),
            ])
        }
        // On a narrow terminal the message gives up width.
        view.show(table, shrinking: [4], footer: "\(ScheduleOptions.count(events.count, "event")) listed.")
    }
}

extension UpcomingCommand {
    /// How far ahead the running daemon is asked for events: about ten years, so that --count decides.
    static let daemonDays = 3660

    /// One event as `ticklerctl upcoming --json` prints it.
    static func json(_ event: ReminderEvent, in schedule: Schedule) -> JSONValue? {
        guard let obligation = schedule[event.obligationID] else { return nil }
        return .object([
            ("fire_at", .string(obligation.zone.zoned(event.fireAt).description)),
            ("event", .string(event.stage.eventKind)),
            ("stage", .string(event.stageKey)),
            ("lead", .optional(event.lead?.description)),
            ("obligation", .string(obligation.id)),
            ("due", .string(event.dueText(in: obligation.zone))),
            ("title", .string(obligation.title)),
            ("message", .string(event.message(for: obligation))),
        ])
    }
}
