import ArgumentParser
import TicklerSchedule

/// `ticklerctl validate`: checks a schedule the way ticklerd will read it, before a reload.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a schedule for errors without running it.",
        discussion: """
            Reads the schedule exactly as ticklerd reads it at start and on
            `systemctl reload ticklerd`: the file or directory given with
            --config (default: /etc/tickler, that is /etc/tickler/schedule.toml
            and /etc/tickler/schedule.d/*.toml in lexical order).

            Every problem is printed on standard error, one per line, as
            FILE:LINE:COLUMN: obligation "ID": key "KEY": what is wrong — the
            form editors and compilers use, so that `vim -q` or Emacs'
            compilation mode jump to it. On success one line on standard output
            says how many obligations in how many files were read.

            Run it before `systemctl reload ticklerd`: a schedule with errors is
            refused by the daemon, which then keeps running the previous one.

            Exit status: 0 when the schedule is valid, 1 when it has errors.

            Examples:
              ticklerctl validate
              ticklerctl validate --config /etc/tickler/schedule.d/30-new.toml
              ticklerctl validate && systemctl reload ticklerd
            """
    )

    @OptionGroup var schedule: ScheduleOptions

    func run() throws {
        let loaded = try schedule.loadOrExit()
        var output = FileDescriptorSink.standardOutput
        let files = ScheduleOptions.count(loaded.files.count, "file")
        output.writeLine(
            Terminal.escaped(
                "\(schedule.path): \(ScheduleOptions.count(loaded.count, "obligation")) in \(files), no errors"
            )
        )
    }
}
