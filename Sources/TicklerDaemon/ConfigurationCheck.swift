import Systemd
public import TicklerJournalSchema
public import TicklerPlatform
public import TicklerSchedule

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `ticklerd --check-config`: loads the schedule exactly as the daemon does at start and on reload, and says what is
/// wrong with it, without opening the state or signalling anything.
///
/// The unit's `ExecReload=` runs it first, as the service's own user inside its sandbox, so that `systemctl reload`
/// fails — and the running daemon is never asked to reload — when the daemon would refuse the schedule. Its lines go
/// to stderr, which under systemd is a journal stream: each carries the `<N>` priority prefix of sd-daemon(3), so
/// the errors are `PRIORITY=3` entries of `journalctl -u ticklerd`.
public struct ConfigurationCheck: Sendable {
    /// One line of the report and its priority.
    public struct Line: Sendable, Equatable {
        /// How severe the line is: `error` per problem, `warning`, `info` for the closing line of a valid schedule.
        public let priority: Priority
        /// The text, without the priority prefix.
        public let text: String

        /// A line of `text` at `priority`.
        public init(priority: Priority, text: String) {
            self.priority = priority
            self.text = text
        }

        /// The line as written: with `<N>` in front when stderr is a journal stream.
        public func rendered(withPriorityPrefix: Bool) -> String {
            withPriorityPrefix ? "<\(priority.rawValue)>\(text)" : text
        }
    }

    /// The report: every diagnostic, the warnings, then one closing line.
    public let lines: [Line]
    /// True when the schedule loads without error (warnings allowed).
    public let isValid: Bool

    /// The exit status of `ticklerd --check-config`: 0 when valid, 1 otherwise.
    public var exitStatus: Int32 { isValid ? 0 : 1 }

    /// Checks the schedule the daemon would read.
    /// - Parameters:
    ///   - configPath: `--config`, if given; else `$CONFIGURATION_DIRECTORY`, else `/etc/tickler`, as the daemon chooses.
    ///   - environment: the process environment.
    ///   - loader: the schedule loader (its system zone is the fallback zone named in warnings).
    public init(
        configPath: String?,
        environment: [String: String] = ProcessEnvironment.current(),
        loader: ScheduleLoader = ScheduleLoader()
    ) {
        let path = ConfigurationPath.resolve(commandLine: configPath, environment: environment)
        var lines: [Line] = []
        let warning = MainScheduleFile.missingWarning(configurationPath: path, systemZone: loader.systemZone)
        do {
            let schedule = try loader.load(path: path)
            if let warning {
                lines.append(Line(priority: .warning, text: "\(warning.file): warning: \(warning.message)"))
            }
            let obligations = DaemonStatus.counted(schedule.count, "obligation")
            let files = DaemonStatus.counted(schedule.files.count, "file")
            lines.append(Line(priority: .info, text: "ticklerd: \(path): \(obligations) in \(files), no errors"))
            isValid = true
        } catch {
            for diagnostic in error.diagnostics { lines.append(Line(priority: .error, text: "\(diagnostic)")) }
            if let warning {
                lines.append(Line(priority: .warning, text: "\(warning.file): warning: \(warning.message)"))
            }
            let errors = DaemonStatus.counted(error.diagnostics.count, "error")
            lines.append(
                Line(
                    priority: .error,
                    text: "ticklerd: \(path): \(errors), schedule refused (a running ticklerd keeps its schedule)"
                )
            )
            isValid = false
        }
        self.lines = lines
    }

    /// Writes the report to stderr, one line each, with the `<N>` priority prefixes when stderr is a journal stream.
    public func writeToStandardError() {
        let prefixed = LogDestination.Surroundings.current().standardErrorIsJournalStream
        var text = lines.map { $0.rendered(withPriorityPrefix: prefixed) + "\n" }.joined()
        text.withUTF8 { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty {
                let written = write(STDERR_FILENO, rest.baseAddress, rest.count)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
        }
    }
}
