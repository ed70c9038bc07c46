public import ArgumentParser

/// `ticklerctl`, the control tool of the Tickler reminder service.
public struct Ticklerctl: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ticklerctl",
        abstract: "Inspect and preview Tickler schedules of recurring obligations.",
        discussion: """
            Tickler keeps a schedule of recurring obligations (greetings before
            partners' holidays, agreement renewals, yearly intakes) and reminds
            of them through the systemd journal. ticklerd is the service;
            ticklerctl is the tool to look into it.

            `ticklerctl calendar` previews a recurrence rule (RRULE, OnCalendar,
            every, lunar, solar term) before you trust it in a schedule, the way
            `systemd-analyze calendar` previews a timer. `ticklerctl lunar`
            converts dates between the Gregorian and the lunar calendars. Run
            `ticklerctl help <verb>` for a verb's options and examples.

            Exit status: 0 on success; 1 when an option, an argument or a rule is
            invalid, after one line on standard error that names the bad part.
            """,
        subcommands: [
            ListCommand.self, UpcomingCommand.self, ValidateCommand.self, CalendarCommand.self, LunarCommand.self,
        ]
    )

    public init() {}
}

extension Ticklerctl {
    /// Parses the process's arguments, runs the verb and exits; the whole body of the `ticklerctl` executable.
    ///
    /// Invalid input of any kind — an unknown option as much as a bad rule — prints one line on standard error,
    /// `ticklerctl: <what is wrong>`, and exits with status 1, as systemd's tools do; `--help` exits with 0.
    public static func start() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            var errors = FileDescriptorSink.standardError
            errors.writeLine("ticklerctl: \(text)")
            exit(withError: ExitCode.failure)
        }
    }
}
