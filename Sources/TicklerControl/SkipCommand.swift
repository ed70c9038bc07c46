import ArgumentParser
import TicklerControlProtocol

/// `ticklerctl skip ID --note TEXT`: end an occurrence without doing it, saying why.
struct SkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Skip an occurrence: end it without doing it; the note says why.",
        discussion: OccurrenceChange.discussion + """


            Examples:
              ticklerctl skip visit --note "partner's office closed this year"
            """
    )

    @OptionGroup var target: OccurrenceTarget

    @Option(help: ArgumentHelp("The occurrence's due date or date-time (default: the oldest open).", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("Why it is skipped (required).", valueName: "text"))
    var note: String

    func validate() throws {
        guard !note.allSatisfy(\.isWhitespace) else { throw ValidationError("--note: say why it is skipped") }
    }

    func run() throws {
        try target.change(.skip, due: due, note: note)
    }
}
