import ArgumentParser
import TicklerControlProtocol

/// `ticklerctl reopen ID --due DATE`: put an acknowledged or skipped occurrence back to overdue.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen an acknowledged or skipped occurrence: it is overdue again and repeats resume.",
        discussion: OccurrenceChange.discussion + """


            Examples:
              ticklerctl reopen renewal --due 2027-01-28 --note "the letter came back"
            """
    )

    @Argument(help: "The obligation's id.")
    var id: String

    @Option(help: ArgumentHelp("The occurrence's due date or date-time (required).", valueName: "date"))
    var due: String

    @Option(help: ArgumentHelp("A note kept in the history and the journal.", valueName: "text"))
    var note: String?

    @Flag(help: "Print the outcome as JSON.")
    var json = false

    @OptionGroup var control: ControlOptions

    func run() throws {
        let command = OccurrenceCommand(action: .reopen, obligationID: id, due: due, note: note)
        try OccurrenceChange.run(command, socket: control.path, json: json)
    }
}
