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

            Verbs:
              list       The obligations and when each is next due (the
                         default verb).
              upcoming   The next reminders, in the order ticklerd will write
                         them to the journal.
              validate   Check a schedule before `systemctl reload ticklerd`.
              calendar   Preview a recurrence rule (RRULE, OnCalendar, every,
                         lunar, solar term) before you trust it in a schedule,
                         the way `systemd-analyze calendar` previews a timer.
              lunar      Convert dates between the Gregorian and the
                         Vietnamese or Chinese lunar calendars.

            list, upcoming and validate read the schedule ticklerd reads:
            --config PATH, else $CONFIGURATION_DIRECTORY, else /etc/tickler
            (schedule.toml, then schedule.d/*.toml). What ticklerd reminded of
            is in the journal: journalctl -u ticklerd TICKLER_OBLIGATION=ID.
            Run `ticklerctl help <verb>` for a verb's options and examples.

            Exit status: 0 on success; 1 when an option, an argument or a rule is
            invalid, after one line on standard error that names the bad part.
            """,
        subcommands: [
            ListCommand.self, UpcomingCommand.self, ValidateCommand.self, CalendarCommand.self, LunarCommand.self,
        ],
        defaultSubcommand: ListCommand.self
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
            errors.writeLine(Terminal.escaped("ticklerctl: \(text)"))
            exit(withError: ExitCode.failure)
        }
    }
}
