import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerSchedule

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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

            Beyond what loading finds, it reports as errors the files and
            directories ticklerd's service user cannot read: the unit runs it
            as a dynamic user, which reads the schedule only through the
            permissions for others or for the group tickler — so a drop-in of
            mode 0600 owned by root, which validate run as root could read, is
            an error. A configuration directory without schedule.toml is a
            warning (FILE: warning: …): its [defaults] are then gone and every
            obligation without its own keys uses the built-in values, the
            system zone among them.

            --json prints one object on standard output instead, for scripts:
            {"valid": BOOL, "path": PATH, "obligations": N, "files": [PATH…],
            "errors": [{"file", "line", "column", "obligation", "key",
            "message"}…], "warnings": [same]}; line, column, obligation and key
            are null when unknown.

            Run it before `systemctl reload ticklerd`: a schedule with errors is
            refused by the daemon, which then keeps running the previous one.

            When the configuration directory holds notify.toml or notify.d/, the
            delivery channels are checked too, by `tickler-notify --check-config`
            (found beside ticklerctl or on $PATH): their problems are printed
            the same way, FILE:LINE:COLUMN: channel "NAME": key "KEY": ….

            Exit status: 0 when the schedule (and notify.toml) is valid
            (warnings allowed), 1 when either has errors.

            Examples:
              ticklerctl validate
              ticklerctl validate --config /etc/tickler/schedule.d/30-new.toml
              ticklerctl validate && systemctl reload ticklerd
              ticklerctl validate --json | jq -r '.errors[].message'
            """
    )

    @OptionGroup var schedule: ScheduleOptions

    @Flag(help: "Print one JSON object with valid, files, errors and warnings.")
    var json = false

    /// What validation found.
    struct Report {
        /// The configuration path checked.
        var path: String
        /// The schedule, when it loads.
        var schedule: Schedule?
        /// The files read (or that would be read), in reading order.
        var files: [String]
        /// Problems that make ticklerd refuse the schedule.
        var errors: [ScheduleDiagnostic]
        /// Problems that do not.
        var warnings: [ScheduleDiagnostic]

        /// True when ticklerd would accept the schedule.
        var isValid: Bool { errors.isEmpty }
    }

    /// Checks the configuration at `path` as ticklerd would read it, as its service user.
    static func check(path: String, access: ServiceUserAccess = ServiceUserAccess()) -> Report {
        let loader = ScheduleLoader()
        var report = Report(path: path, schedule: nil, files: [], errors: [], warnings: [])
        do {
            let loaded = try loader.load(path: path)
            report.schedule = loaded
            report.files = loaded.files
        } catch {
            report.errors = error.diagnostics
            report.files = (try? ScheduleLoader.files(at: path)) ?? []
        }
        let unreadable = access.problems(at: path, files: report.files)
        // A file root could not read either is reported by loading already.
        let reported = Set(report.errors.map(\.file))
        report.errors += unreadable.filter { !reported.contains($0.file) }
        if let warning = MainScheduleFile.missingWarning(configurationPath: path, systemZone: loader.systemZone) {
            report.warnings.append(warning)
        }
        return report
    }

    func run() throws {
        let report = Self.check(path: schedule.path)
        if json {
            var output = FileDescriptorSink.standardOutput
            output.writeLine(Self.json(report).rendered())
        } else {
            Self.writeText(report)
        }
        let channelsValid = json || Self.checkChannels(directory: schedule.path)
        if !report.isValid || !channelsValid { throw ExitCode.failure }
    }

    /// Runs `tickler-notify --check-config` on `directory` when it holds notify.toml or notify.d (its problems go
    /// to stderr); false when it reports errors, true when valid or when there is nothing to check.
    static func checkChannels(directory: String) -> Bool {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard access(base + "/notify.toml", F_OK) == 0 || access(base + "/notify.d", F_OK) == 0 else { return true }
        var errors = FileDescriptorSink.standardError
        guard let notifier = StateCheckCommand.findProgram("tickler-notify") else {
            errors.writeLine(Terminal.escaped("\(base)/notify.toml: warning: not checked (no tickler-notify found)"))
            return true
        }
        var pid: pid_t = 0
        let arguments = [notifier, "--check-config", "--config", base]
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        guard posix_spawn(&pid, notifier, nil, nil, &pointers, environ) == 0 else {
            errors.writeLine(Terminal.escaped("ticklerctl: cannot run \(notifier)"))
            return false
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            errors.writeLine(
                Terminal.escaped("ticklerctl: \(base)/notify.toml has errors, tickler-notify would refuse it")
            )
            return false
        }
        var output = FileDescriptorSink.standardOutput
        output.writeLine(Terminal.escaped("\(base)/notify.toml: channels checked, no errors"))
        return true
    }

    /// The human form: problems and warnings on stderr, the closing line on stdout when valid, on stderr when not.
    private static func writeText(_ report: Report) {
        var errors = FileDescriptorSink.standardError
        for diagnostic in report.errors { errors.writeLine(Terminal.escaped(diagnostic.description)) }
        for warning in report.warnings { errors.writeLine(Terminal.escaped(warningLine(warning))) }
        let path = report.path
        if let loaded = report.schedule, report.isValid {
            var output = FileDescriptorSink.standardOutput
            let files = ScheduleOptions.count(loaded.files.count, "file")
            output.writeLine(
                Terminal.escaped("\(path): \(ScheduleOptions.count(loaded.count, "obligation")) in \(files), no errors")
            )
        } else if report.schedule == nil {
            let count = ScheduleOptions.count(report.errors.count, "error")
            errors.writeLine(Terminal.escaped("ticklerctl: \(path): \(count), schedule not loaded"))
        } else {
            let count = ScheduleOptions.count(report.errors.count, "error")
            errors.writeLine(Terminal.escaped("ticklerctl: \(path): \(count), ticklerd would refuse the schedule"))
        }
    }

    /// `FILE: warning: message`, with `:LINE:COLUMN`, the obligation and the key as in an error when known.
    static func warningLine(_ warning: ScheduleDiagnostic) -> String {
        ScheduleDiagnostic(
            file: warning.file,
            line: warning.line,
            column: warning.column,
            scope: warning.scope,
            key: warning.key,
            message: "warning: \(warning.message)"
        )
        .description
    }

    /// `ticklerctl validate --json`.
    static func json(_ report: Report) -> JSONValue {
        .object([
            (key: "valid", value: .bool(report.isValid)),
            (key: "path", value: .string(report.path)),
            (key: "obligations", value: report.schedule.map { .integer($0.count) } ?? .null),
            (key: "files", value: .strings(report.files)),
            (key: "errors", value: .array(report.errors.map(json))),
            (key: "warnings", value: .array(report.warnings.map(json))),
        ])
    }

    /// One diagnostic as an object with file, line, column, obligation, key and message.
    static func json(_ diagnostic: ScheduleDiagnostic) -> JSONValue {
        .object([
            (key: "file", value: .string(diagnostic.file)),
            (key: "line", value: diagnostic.line.map(JSONValue.integer) ?? .null),
            (key: "column", value: diagnostic.column.map(JSONValue.integer) ?? .null),
            (key: "obligation", value: .optional(diagnostic.obligationID)),
            (key: "key", value: .optional(diagnostic.key)),
            (key: "message", value: .string(diagnostic.message)),
        ])
    }
}
