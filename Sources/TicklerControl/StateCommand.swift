import ArgumentParser

/// `ticklerctl state`: looks into ticklerd's state (what fired, when obligations were first seen, the checkpoint).
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Inspect ticklerd's state.",
        discussion: """
            ticklerd keeps what it reminded of, when it first saw each
            obligation and the checkpoint up to which it processed events in
            STATE/state.sqlite. It refuses to start on a state file that is
            empty, foreign, written by a newer version or damaged; `ticklerctl
            state check` says what is wrong with it and how to recover.
            """,
        subcommands: [StateCheckCommand.self]
    )
}
