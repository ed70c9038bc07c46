public import ArgumentParser

/// `ticklerctl`, the control tool of the Tickler reminder service.
public struct Ticklerctl: AsyncParsableCommand {
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

            Exit status: 0 on success, 1 when an argument or a rule is invalid,
            64 when the command line itself cannot be parsed.
            """,
        subcommands: [CalendarCommand.self, LunarCommand.self]
    )

    public init() {}
}

extension Ticklerctl {
    /// Parses the process's arguments, runs the verb and exits; the whole body of the `ticklerctl` executable.
    public static func start() async { await main() }
}
