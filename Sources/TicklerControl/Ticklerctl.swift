public import ArgumentParser
import TicklerSchedule

/// `ticklerctl`, the control tool of the Tickler reminder service.
public struct Ticklerctl: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ticklerctl",
        abstract: "Inspect Tickler schedules and act on the reminders of the running ticklerd.",
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
              state      Check ticklerd's state file (state check).

            Verbs that ask the running ticklerd (over /run/tickler/control.socket,
            or --socket PATH, or $TICKLER_CONTROL_SOCKET):
              status     Whether ticklerd runs, its schedule, its occurrences by
                         state, the next events, the last reload.
              ack        Acknowledge an occurrence: it is done.
              snooze     Pause an occurrence's reminders until a time.
              skip       End an occurrence without doing it, with a note.
              reopen     Put an acknowledged or skipped occurrence back.
              history    What happened to an obligation, oldest first.
            list and upcoming ask it too, and plan from the files when it is not
            running. Changing state and reading these views needs root or
            membership of the group tickler.

            list, upcoming and validate read the schedule ticklerd reads:
            --config PATH, else $CONFIGURATION_DIRECTORY, else /etc/tickler
            (schedule.toml, then schedule.d/*.toml). What ticklerd reminded of
            is in the journal: journalctl -u ticklerd TICKLER_OBLIGATION=ID.
            Run `ticklerctl help <verb>` for a verb's options and examples.

            Exit status: 0 on success; 1 when an option, an argument or a rule is
            invalid, or ticklerd refuses a change, after one line on standard
            error that names the bad part; 3 when a verb needs ticklerd and it
            is not running; 4 when permission is denied.
            """,
        version: "ticklerctl \(TicklerVersion.number)",
        subcommands: [
            ListCommand.self, UpcomingCommand.self, ValidateCommand.self, CalendarCommand.self, LunarCommand.self,
            ExportCommand.self,
            StateCommand.self, StatusCommand.self, AckCommand.self, SnoozeCommand.self, SkipCommand.self,
            ReopenCommand.self, HistoryCommand.self,
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
            FileDescriptorSink.diagnose(text)
            exit(withError: ExitCode.failure)
        }
    }
}
