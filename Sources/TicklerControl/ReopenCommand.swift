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

    @OptionGroup var target: OccurrenceTarget

    @Option(help: ArgumentHelp("The occurrence's due date or date-time (required).", valueName: "date"))
    var due: String

    @Option(help: ArgumentHelp("A note kept in the history and the journal.", valueName: "text"))
    var note: String?

    func run() throws {
        try target.change(.reopen, due: due, note: note)
    }
}
