import ArgumentParser
import TicklerControlProtocol

/// The arguments `ack`, `snooze`, `skip` and `reopen` share: the obligation, `--json`, `--socket`.
struct OccurrenceTarget: ParsableArguments {
    @Argument(help: "The obligation's id.", completion: ObligationIDs.completion)
    var id: String

    @Flag(help: "Print the outcome as JSON.")
    var json = false

    @OptionGroup var control: ControlOptions

    /// Sends `action` on the obligation, with `due` and `note` (and a snooze's end), and prints the outcome.
    /// - Throws: `ExitCode` after saying why (3 not running, 4 permission denied, 1 a refusal).
    func change(
        _ action: OccurrenceAction,
        due: String?,
        note: String?,
        snoozeFor: String? = nil,
        snoozeUntil: String? = nil
    ) throws {
        let command = OccurrenceCommand(
            action: action,
            obligationID: id,
            due: due,
            snoozeFor: snoozeFor,
            snoozeUntil: snoozeUntil,
            note: note
        )
        try OccurrenceChange.run(command, socket: control.path, json: json)
    }
}

/// What `ack`, `snooze`, `skip` and `reopen` share: send the command to the running daemon and say what changed.
enum OccurrenceChange {
    /// Sends `command` on `socket` and prints the transition:
    /// `renewal due 2027-01-28 08:00 +07: overdue → acknowledged`.
    /// - Throws: `ExitCode` after saying why (3 not running, 4 permission denied, 1 a refusal).
    static func run(_ command: OccurrenceCommand, socket: String, json: Bool) throws {
        let reply = try DaemonClient.require(.change(command), socket: socket)
        guard case .changed(let outcome) = reply else { throw DaemonClient.unexpected(reply) }
        var output = FileDescriptorSink.standardOutput
        if json {
            output.writeLine(Self.json(outcome, action: command.action).rendered())
            return
        }
        var line = "\(outcome.obligationID) due \(DaemonTime.human(outcome.due, zone: outcome.zone)): "
        line += "\(outcome.from.name) → \(outcome.to.name)"
        if let until = outcome.snoozedUntil { line += " until " + DaemonTime.human(until, zone: outcome.zone) }
        output.writeLine(Terminal.escaped(line))
    }

    /// The outcome as `--json` prints it: action, obligation, due, from, to, snoozed_until.
    static func json(_ outcome: TransitionOutcome, action: OccurrenceAction) -> JSONValue {
        .object([
            ("action", .string(action.eventName)), ("obligation", .string(outcome.obligationID)),
            ("due", .string(DaemonTime.iso(outcome.due, zone: outcome.zone))), ("from", .string(outcome.from.name)),
            ("to", .string(outcome.to.name)),
            ("snoozed_until", DaemonTime.iso(outcome.snoozedUntil, zone: outcome.zone)),
        ])
    }

    /// The shared part of the verbs' discussion: how the occurrence is chosen, what is journaled, the exit status.
    static let discussion = """
        The change is made by the running ticklerd at once (no reload) and
        journaled with TICKLER_EVENT, TICKLER_OBLIGATION, TICKLER_DUE,
        TICKLER_USER (who ran ticklerctl) and TICKLER_NOTE; ticklerctl
        history ID shows it. --due names the occurrence by its due date
        (2027-01-28) or date-time (2027-01-28T08:00), read in the
        obligation's zone; without it, the oldest open occurrence.

        Only root and members of the group tickler may change state.

        Exit status: 0 when the change was made; 1 when it was refused (no
        such obligation or occurrence, or it is already in that state); 3
        when ticklerd is not running; 4 when permission is denied.
        """
}
