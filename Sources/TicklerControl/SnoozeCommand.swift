import ArgumentParser
import TicklerControlProtocol

/// `ticklerctl snooze ID --for DURATION | --until DATE-TIME`: pause an occurrence's reminders and repeats.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Pause an occurrence's reminders and overdue repeats until a time, then resume where it was.",
        discussion: OccurrenceChange.discussion + """


            --for takes a duration (2h, 3d, 1w) counted from now; --until a
            date-time in the obligation's zone (2027-01-29T08:00) or with an
            offset (2027-01-29T08:00+07:00).

            Examples:
              ticklerctl snooze renewal --for 2d --note "waiting for the partner"
              ticklerctl snooze tet-greetings --until 2027-02-01T09:00
            """
    )

    @OptionGroup var target: OccurrenceTarget

    @Option(name: .customLong("for"), help: ArgumentHelp("How long to snooze (2h, 3d).", valueName: "duration"))
    var duration: String?

    @Option(help: ArgumentHelp("Until when to snooze.", valueName: "date-time"))
    var until: String?

    @Option(help: ArgumentHelp("The occurrence's due date or date-time (default: the oldest open).", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("A note kept in the history and the journal.", valueName: "text"))
    var note: String?

    func validate() throws {
        guard (duration == nil) != (until == nil) else {
            throw ValidationError("snooze needs exactly one of --for DURATION and --until DATE-TIME")
        }
    }

    func run() throws {
        try target.change(.snooze, due: due, note: note, snoozeFor: duration, snoozeUntil: until)
    }
}
