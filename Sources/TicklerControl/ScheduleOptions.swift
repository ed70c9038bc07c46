import ArgumentParser
import TicklerCalendar
import TicklerPlatform
import TicklerSchedule

/// The options that say which schedule a verb reads: the same files ticklerd reads.
struct ScheduleOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The schedule: a file, or a directory with schedule.toml and schedule.d/*.toml (default: /etc/tickler).",
            valueName: "path"
        )
    )
    var configPath: String?

    /// The path read: `--config`, else `$CONFIGURATION_DIRECTORY`, else `/etc/tickler` — as ticklerd chooses it.
    var path: String {
        ConfigurationPath.resolve(commandLine: configPath, environment: ProcessEnvironment.current())
    }

    /// Loads the schedule.
    /// - Throws: ``ScheduleLoadError`` with every problem found.
    func load() throws(ScheduleLoadError) -> Schedule {
        try ScheduleLoader().load(path: path)
    }

    /// Loads the schedule, or prints every problem on standard error and exits with status 1.
    func loadOrExit() throws -> Schedule {
        do {
            return try load()
        } catch {
            var errors = FileDescriptorSink.standardError
            for diagnostic in error.diagnostics { errors.writeLine(Terminal.escaped(diagnostic.description)) }
            FileDescriptorSink.diagnose("\(path): \(Self.count(error.diagnostics.count, "error")), schedule not loaded")
            throw ExitCode.failure
        }
    }

    /// `1 error`, `3 errors`.
    static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
}
