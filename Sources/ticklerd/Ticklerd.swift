import ArgumentParser
import TicklerDaemon
import TicklerPlatform
import TicklerSchedule

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `ticklerd`: the Tickler daemon. Parses the command line, sets up logging, and runs the assembled service group.
///
/// `main.swift` runs it on ``EventLoop/main``.
struct Ticklerd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticklerd",
        abstract: "Remind of recurring obligations through the systemd journal.",
        discussion: """
            ticklerd reads a schedule of recurring obligations (TOML) and sleeps until exactly the next reminder, \
            due time or overdue repeat, which it writes to the journal as a structured entry \
            (TICKLER_EVENT=reminder|due|overdue, TICKLER_OBLIGATION, TICKLER_DUE, TICKLER_LEAD, TICKLER_TITLE). \
            It remembers what fired, so a restart or reload never repeats a reminder; after downtime each missed \
            reminder fires once at start (the latest stage per obligation and due date). It runs in the \
            foreground; under systemd it is a Type=notify service and keeps STATUS= current \
            (systemctl status ticklerd). Outside the journal it writes each event as a timestamped line to stderr, \
            among its diagnostics.

            FILES
              /etc/tickler/schedule.toml
                  The schedule (PATH/schedule.toml with --config PATH).
              /etc/tickler/schedule.d/*.toml
                  Drop-ins, read after it in lexical order.
              /run/tickler/control.socket
                  The control socket (ticklerd.socket, or --control-socket):
                  one JSON request line per connection, root and group tickler
                  only (SO_PEERCRED), checked before the request is read.
              STATE/state.sqlite
                  What fired, when each obligation was first seen, the checkpoint.
                  A state file that is empty, not Tickler's, written by a newer
                  ticklerd or damaged is refused (exit status 1) with advice:
                  check it with `ticklerctl state check`, then start afresh with
                  --reset-state (the file is kept as state.sqlite.broken-<time>)
                  or move it aside yourself.

            SIGNALS
              SIGHUP
                  Re-read every schedule file (systemctl reload ticklerd). On any
                  error the running schedule stays and reload-failed is logged.
              SIGTERM, SIGINT
                  Stop cleanly, exit status 0.

            ENVIRONMENT
              CONFIGURATION_DIRECTORY
                  Schedule directory when --config is not given (systemd).
              STATE_DIRECTORY
                  State directory; wins over --state-dir (systemd).
              XDG_STATE_HOME, HOME
                  Otherwise state in $XDG_STATE_HOME/tickler, or
                  ~/.local/state/tickler.
              LISTEN_FDS, LISTEN_PID
                  Set by systemd's socket activation (ticklerd.socket): the
                  control socket ticklerctl talks to.
              NOTIFY_SOCKET, WATCHDOG_USEC
                  Set by systemd: readiness, STATUS= and watchdog pings.
              TZ
                  Zone of obligations that name none (default: the system zone).

            CHECKING
              ticklerd --check-config [--config PATH]
                  Load the schedule as the daemon would, print every problem
                  on stderr, exit 1 on errors; no state is opened. The unit's
                  ExecReload= runs it first, so a refused schedule makes
                  `systemctl reload ticklerd` fail and the daemon keeps
                  running the schedule it has.

            EXIT STATUS
              0   Stopped by SIGTERM or SIGINT (--check-config: the schedule
                  is valid).
              1   The schedule does not load or the state cannot be opened;
                  each problem is logged. With --check-state: the state has a
                  problem.
              2   The state file is unusable (empty, not Tickler's, newer or
                  damaged) and was refused; see --reset-state.
              64  Invalid command line.

            EXAMPLES
              ticklerd --config Config --state-dir /tmp/tickler-state
                  Run in the foreground on the checkout's sample schedule.
              systemctl reload ticklerd
                  Re-read the schedule of the installed service.
              journalctl -u ticklerd TICKLER_EVENT=reminder
                  Show the reminders written so far.
            """,
        version: "ticklerd \(TicklerVersion.number)"
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Schedule file, or directory holding schedule.toml and schedule.d/*.toml.",
            discussion: "Default: $CONFIGURATION_DIRECTORY under systemd, else /etc/tickler.",
            valueName: "path"
        )
    )
    var config: String?

    @Option(
        name: .customLong("state-dir"),
        help: ArgumentHelp(
            "Directory for state.sqlite (created, mode 0700, if missing).",
            discussion: "$STATE_DIRECTORY wins when set; default $XDG_STATE_HOME/tickler or ~/.local/state/tickler.",
            valueName: "dir"
        )
    )
    var stateDirectory: String?

    @Flag(
        name: .customLong("reset-state"),
        help: ArgumentHelp(
            "Move an unusable state file aside (state.sqlite.broken-<time>) and start with a new state.",
            discussion: "Only a file ticklerd refuses (empty, foreign, newer or damaged) is moved; a sound one is kept."
        )
    )
    var resetState = false

    @Option(
        name: .customLong("control-socket"),
        help: ArgumentHelp(
            "Where to listen for ticklerctl when systemd hands over no socket (ticklerd.socket).",
            discussion: "Default: /run/tickler/control.socket, if it can be bound (else ticklerd runs without one).",
            valueName: "path"
        )
    )
    var controlSocket: String?

    @Flag(
        name: .customLong("check-state"),
        help: "Check the state file read-only, print the report and exit (what `ticklerctl state check` runs)."
    )
    var checkState = false

    @Flag(help: "With --check-state: print the report as a JSON object.")
    var json = false

    @Flag(
        name: .customLong("check-config"),
        help: ArgumentHelp(
            "Check the schedule as the daemon would load it, print every problem, and exit (1 on errors).",
            discussion: "Touches no state and signals nothing; the unit's ExecReload= runs it before SIGHUP."
        )
    )
    var checkConfig = false

    func validate() throws {
        if json && !checkState { throw ValidationError("--json goes with --check-state") }
        if checkState && resetState { throw ValidationError("--check-state and --reset-state exclude each other") }
        if checkConfig && (checkState || resetState) {
            throw ValidationError("--check-config goes with neither --check-state nor --reset-state")
        }
    }

    func run() async throws {
        if checkConfig {
            let check = ConfigurationCheck(configPath: config)
            check.writeToStandardError()
            guard check.isValid else { throw ExitCode.failure }
            return
        }
        if checkState {
            let (report, sound) = DaemonAssembly.checkState(stateDirectory: stateDirectory, json: json)
            print(report)
            if !sound { throw ExitCode.failure }
            return
        }
        do {
            // The signals come through signalfd on the same loop; blocked here, on the only thread, before any other
            // thread exists, so that every thread started later blocks them too.
            let reload = try? SignalReceiver([SIGHUP])
            let shutdown = try? SignalReceiver([SIGTERM, SIGINT])
            try await DaemonAssembly.runDaemon(
                configPath: config,
                stateDirectory: stateDirectory,
                resetState: resetState,
                reloadRequests: reload?.arrivals,
                shutdownRequests: shutdown?.arrivals,
                controlSocket: controlSocket
            )
        } catch let error as StartupError where error.isUnusableStateFile {
            // Already logged, with the advice; restarting cannot help.
            throw ExitCode(2)
        } catch {
            // Already logged, with each problem, by the daemon.
            throw ExitCode.failure
        }
    }
}
