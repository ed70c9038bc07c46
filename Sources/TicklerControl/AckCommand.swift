import ArgumentParser
import TicklerControlProtocol

/// `ticklerctl ack ID`: an occurrence is done; its reminders and repeats stop.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge an occurrence: it is done, its reminders and overdue repeats stop.",
        discussion: OccurrenceChange.discussion + """


            Examples:
              ticklerctl ack tet-greetings
              ticklerctl ack renewal --due 2027-01-28 --note "signed, sent by post"
            """
    )

    @OptionGroup var target: OccurrenceTarget

    @Option(help: ArgumentHelp("The occurrence's due date or date-time (default: the oldest open).", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("A note kept in the history and the journal.", valueName: "text"))
    var note: String?

    func run() throws {
        try target.change(.acknowledge, due: due, note: note)
    }
}
