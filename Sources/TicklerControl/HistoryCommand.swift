import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerJournalSchema

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
            Beside them, where each event was delivered: what tickler-notify
            journaled (delivered, delivery-failed, delivery-dead, with the
            channel and the error), read from the journal as you may read it
            (root and the groups adm and systemd-journal see it all; others
            are told that outcomes may be missing).

            --json prints an array of objects with the keys at, due, event,
            stage, user, note, snoozed_until and channel (times ISO 8601 in
            the daemon's zone, or null).

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

    @Option(
        name: .customLong("journal-directory"),
        help: ArgumentHelp(
            "Read delivery outcomes from the journal files in this directory, not the system's.",
            valueName: "dir"
        ),
        completion: .directory
    )
    var journalDirectory: String?

    @OptionGroup var view: TableViewOptions

    func run() throws {
        let reply = try DaemonClient.require(.history(obligationID: id), socket: control.path)
        guard case .history(let fired) = reply else { throw DaemonClient.unexpected(reply) }
        let deliveries = DeliveryHistory.read(obligationID: id, directory: journalDirectory)
        if let note = deliveries.note { FileDescriptorSink.diagnose(note) }
        let entries = deliveries.merged(into: fired)
        let zone = DaemonTime.systemZone
        var output = FileDescriptorSink.standardOutput
        if json {
            output.writeLine(JSONValue.array(entries.map { Self.json($0, zone: zone) }).rendered())
            return
        }
        var table = TextTable(headings: ["when", "due", "event", "user", "note"])
        for entry in entries {
            var event = Self.eventText(entry)
            if let until = entry.snoozedUntil { event += " until " + DaemonTime.human(until, zone: zone) }
            table.append([
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

    /// The EVENT column: `remind-7d`, `acknowledged`, `delivered to chat (due)`, `delivery to mail failed (due)`.
    static func eventText(_ entry: HistoryEntry) -> String {
        guard let channel = entry.channel else {
            return entry.stage.map { $0 == entry.event ? $0 : "\(entry.event) \($0)" } ?? entry.event
        }
        let stage = entry.stage.map { " (\($0))" } ?? ""
        switch entry.event {
        case DaemonEventKind.delivered.name: return "delivered to \(channel)\(stage)"
        case DaemonEventKind.deliveryDead.name: return "delivery to \(channel) given up\(stage)"
        default: return "delivery to \(channel) failed\(stage)"
        }
    }

    /// One entry as `history --json` prints it.
    static func json(_ entry: HistoryEntry, zone: String) -> JSONValue {
        .object([
            ("at", .string(DaemonTime.iso(entry.at, zone: zone))),
            ("due", .string(DaemonTime.iso(entry.due, zone: zone))),
            ("event", .string(entry.event)), ("stage", .optional(entry.stage)), ("user", .optional(entry.user)),
            ("note", .optional(entry.note)), ("snoozed_until", DaemonTime.iso(entry.snoozedUntil, zone: zone)),
            ("channel", .optional(entry.channel)),
        ])
    }
}
