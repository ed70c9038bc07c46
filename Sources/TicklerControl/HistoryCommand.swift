import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol

/// `ticklerctl history ID`: everything that happened to an obligation's occurrences, from the running daemon.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show what happened to an obligation: every event fired and every acknowledgement, oldest first.",
        discussion: """
            Asks the running ticklerd for the history it keeps in its state:
            every reminder, due notice, overdue repeat and escalation it wrote
            to the journal, and every acknowledgement, snooze, skip and
            reopening with who did it (the Unix user), when, and their note.
            The history of an obligation removed from the schedule is kept.

            --json prints an array of objects with the keys at, due, event,
            stage, user, note and snoozed_until (times ISO 8601 in the
            daemon's zone, or null).

            Exit status: 0; 1 when no obligation has that id; 3 when ticklerd
            is not running; 4 when permission is denied.

            Examples:
              ticklerctl history renewal
              ticklerctl history renewal --json | jq -r '.[] | select(.user) | .note'
            """
    )

    @Argument(help: "The obligation's id.", completion: ObligationIDs.completion)
    var id: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var control: ControlOptions

    @OptionGroup var view: TableViewOptions

    func run() throws {
        let reply = try DaemonClient.require(.history(obligationID: id), socket: control.path)
        guard case .history(let entries) = reply else { throw DaemonClient.unexpected(reply) }
        let zone = DaemonTime.systemZone
        var output = FileDescriptorSink.standardOutput
        if json {
            output.writeLine(JSONValue.array(entries.map { Self.json($0, zone: zone) }).rendered())
            return
        }
        var table = TextTable(headings: ["when", "due", "event", "user", "note"])
        for entry in entries {
            var event = entry.stage.map { $0 == entry.event ? $0 : "\(entry.event) \($0)" } ?? entry.event
            if let until = entry.snoozedUntil { event += " until " + DaemonTime.human(until, zone: zone) }
            table.rows.append([
                DaemonTime.human(entry.at, zone: zone), DaemonTime.human(entry.due, zone: zone), event,
                entry.user ?? "-", entry.note ?? "",
            ])
        }
        view.show(
            table,
            shrinking: [4, 2],
            footer: "\(entries.count) \(entries.count == 1 ? "entry" : "entries") listed."
        )
    }

    /// One entry as `history --json` prints it.
    static func json(_ entry: HistoryEntry, zone: String) -> JSONValue {
        .object([
            ("at", .string(DaemonTime.iso(entry.at, zone: zone))),
            ("due", .string(DaemonTime.iso(entry.due, zone: zone))),
            ("event", .string(entry.event)), ("stage", .optional(entry.stage)), ("user", .optional(entry.user)),
            ("note", .optional(entry.note)), ("snoozed_until", DaemonTime.iso(entry.snoozedUntil, zone: zone)),
        ])
    }
}
