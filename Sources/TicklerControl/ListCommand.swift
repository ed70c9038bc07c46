import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerPlatform
import TicklerSchedule

/// `ticklerctl list`: the obligations of the schedule with their next due dates.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the obligations of the schedule and when each is next due.",
        discussion: """
            One line per obligation, soonest first, in the style of
            `systemctl list-timers`: the next due time in the obligation's own
            zone, how long until then, its id, its recurrence and its title.
            Obligations that have ended (a past `once`, an `until` reached)
            come last with "-". Columns are aligned by display width, so
            Vietnamese and Chinese titles line up. Control characters in
            the text (escape sequences, tabs, newlines, C1 and bidirectional
            controls) are shown as \\u{1B}, \\u{9}, …; --json keeps the exact
            text.

            On a terminal, as systemctl does, the table is fitted to its width
            (or to $COLUMNS): long titles and recurrences end in "…";
            and it is shown through a pager ($SYSTEMD_PAGER, else $PAGER, else
            less with LESS=FRSXMK, which quits at once when the table fits on
            the screen). Piped output is never cut. --no-pager writes straight
            to the terminal; --no-legend leaves out the heading and the count.

            --json prints an array of objects with the keys id, title,
            partner, category, owner, notes, recurrence, timezone, remind,
            overdue_every, next_due (ISO 8601 with offset, or null) and source
            (FILE:LINE:COLUMN).

            Without --config and --after, the running ticklerd is asked (so
            acknowledged and snoozed occurrences show as such, in a STATE
            column, and --json adds the keys due, state and snoozed_until);
            when it is not running, or does not serve the caller (not root,
            not in the group tickler), ticklerctl says so on standard error
            and plans from the files.

            Exit status: 0, or 1 when the schedule has errors (printed as
            `ticklerctl validate` prints them).

            Examples:
              ticklerctl list
              ticklerctl list --after 2027-01-01
              ticklerctl list --json | jq -r '.[] | select(.partner != null) | .id'
            """
    )

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: ArgumentHelp("Show the next due time after this date-time (default: now).", valueName: "date-time"))
    var after: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var view: TableViewOptions

    @OptionGroup var control: ControlOptions

    func run() throws {
        if schedule.configPath == nil, after == nil,
            let reply = try DaemonListing.ask(.list, socket: control.path, fallback: schedule.path)
        {
            guard case .list(let rows) = reply else { throw DaemonClient.unexpected(reply) }
            return showDaemon(rows)
        }
        // Only the obligations are kept: the schedule's index of ids is not needed here, and is let go before the
        // table is made.
        let obligations = try schedule.loadOrExit().obligations
        let now = try AfterOption.instant(after, zone: ZoneDatabase.shared.systemRules())
        let rows = Self.soonestFirst(obligations, after: now)
        var output = FileDescriptorSink.standardOutput
        if json {
            output.writeLine(JSONValue.array(rows.map { Self.json(obligations[$0.0], nextDue: $0.1) }).rendered())
            Self.exitKeepingMemory()
        }
        // Each row is made when it is written, never held: for 100,000 obligations the rows and their due times
        // would be a tenth of the peak memory. The table is measured before, from the obligations' own texts and
        // the lengths of the due and remaining times (ASCII, written without being made).
        let table = TextTable(
            headings: ["next due", "left", "id", "recurrence", "title"],
            count: rows.count,
            row: {
                let (index, next) = rows[$0]
                let obligation = obligations[index]
                return [
                    next.map { obligation.zone.zoned($0).humanDescription } ?? "-",
                    next.map { HumanDuration.text(microseconds: $0.microseconds(since: now)) } ?? "-",
                    obligation.id, obligation.recurrenceDescription, obligation.title,
                ]
            },
            measure: {
                let (index, next) = rows[$0]
                let obligation = obligations[index]
                return [
                    .width(next.map { obligation.zone.zoned($0).humanDescriptionLength } ?? 1),
                    .width(next.map { HumanDuration.length(microseconds: $0.microseconds(since: now)) } ?? 1),
                    .text(obligation.id), .text(obligation.recurrenceDescription), .text(obligation.title),
                ]
            }
        )
        // On a narrow terminal the title and the recurrence give up width.
        view.show(
            table,
            shrinking: [4, 3],
            footer: "\(ScheduleOptions.count(obligations.count, "obligation")) listed."
        )
        Self.exitKeepingMemory()
    }
}

extension ListCommand {
    /// Ends the process with status 0 once the output is written, without freeing the schedule: freeing 10,000
    /// obligations one object at a time was 7 % of the command's instructions, and the kernel takes the pages back at
    /// once. (Tests run `ticklerctl` as a process.)
    private static func exitKeepingMemory() -> Never {
        exit()
    }
}

extension ListCommand {
    /// The position of each obligation in `obligations` with its next due instant after `now`, soonest first,
    /// ended ones last, ties in schedule order.
    ///
    /// Sorts small (instant, position) keys, not the obligations: moving an obligation copies a dozen references.
    static func soonestFirst(_ obligations: [Obligation], after now: Instant) -> [(Int, Instant?)] {
        var order = obligations.indices.map { index in
            // Ended obligations sort after every instant, even the last one representable.
            let next = obligations[index].nextDue(after: now)
            return (next == nil ? 1 : 0, next?.microsecondsSinceEpoch ?? 0, index, next)
        }
        order.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        return order.map { ($0.2, $0.3) }
    }

    /// Shows the running daemon's obligations, each with its oldest open occurrence's state.
    func showDaemon(_ rows: [ObligationView]) {
        if json {
            var output = FileDescriptorSink.standardOutput
            return output.writeLine(JSONValue.array(rows.map(DaemonListing.json)).rendered())
        }
        let footer = "\(ScheduleOptions.count(rows.count, "obligation")) listed, from the running ticklerd."
        view.show(DaemonListing.table(rows, now: .now()), shrinking: [5, 4], footer: footer)
    }

    /// One obligation as `ticklerctl list --json` prints it.
    static func json(_ obligation: Obligation, nextDue: Instant?) -> JSONValue {
        .object([
            ("id", .string(obligation.id)),
            ("title", .string(obligation.title)),
            ("partner", .optional(obligation.partner)),
            ("category", .optional(obligation.category)),
            ("owner", .optional(obligation.owner)),
            ("notes", .optional(obligation.notes)),
            ("recurrence", .string(obligation.recurrenceDescription)),
            ("timezone", .string(obligation.zone.identifier)),
            ("remind", .strings(obligation.reminderLeads.map(\.description))),
            ("overdue_every", .string(obligation.overdueEvery.description)),
            ("next_due", .optional(nextDue.map { obligation.zone.zoned($0).description })),
            ("source", .string(obligation.source.description)),
        ])
    }
}
