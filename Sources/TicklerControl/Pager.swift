#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pager that standard output is piped into, started the way systemd's tools (`systemctl`, `journalctl`) start
/// theirs.
///
/// - Only when standard output is a terminal whose `$TERM` is not `dumb`, and not with `--no-pager`.
/// - The command is `$SYSTEMD_PAGER`, else `$PAGER` (run with `sh -c`); an empty value or `cat` means no pager.
///   After it (or without either) `pager` (Debian's alternative), `less` and `more` are tried in turn.
/// - `less` gets `LESS=FRSXMK` (or `$SYSTEMD_LESS`): quit when the text fits on one screen (`F`), pass colours
///   (`R`), chop long lines (`S`), keep the screen on exit (`X`), long prompt (`M`), quit on Ctrl-C (`K`); and
///   `LESSCHARSET=utf-8` (or `$SYSTEMD_LESSCHARSET`).
/// - Secure mode (`LESSSECURE=1`: less runs no commands and opens no files) when `$SYSTEMD_PAGERSECURE` is true,
///   or, when it is unset, when the tool runs through sudo; secure mode without `$SYSTEMD_PAGERSECURE` uses only
///   less, ignoring `$PAGER`.
struct Pager {
    /// The pager's process.
    let pid: pid_t

    /// What the pager would be started with, or nil for no pager.
    struct Launch: Hashable {
        /// The commands to try in turn, each as its arguments.
        let candidates: [[String]]
        /// The variables set in the pager's environment (on top of the process's).
        let environment: [String: String]
    }

    /// What to start for a process with `environment`, or nil when no pager is wanted.
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - isTerminal: whether standard output is a terminal.
    ///   - elevated: whether the tool runs with rights not its user's own (through sudo, or set-user-ID).
    static func launch(environment: [String: String], isTerminal: Bool, elevated: Bool) -> Launch? {
        guard isTerminal, environment["TERM"] != "dumb" else { return nil }
        let chosen = environment["SYSTEMD_PAGER"] ?? environment["PAGER"]
        if let chosen {
            let words = chosen.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.isEmpty || words == ["cat"] { return nil }
        }
        var variables = [
            "LESS": environment["SYSTEMD_LESS"] ?? "FRSXMK",
            "LESSCHARSET": environment["SYSTEMD_LESSCHARSET"] ?? "utf-8",
        ]
        // As systemd 252: $SYSTEMD_PAGERSECURE, when set, says whether to use secure mode and makes the chosen
        // pager trusted; unset, secure mode is on when the tool runs with another user's rights (sudo), and then
        // only less, which implements it, is used.
        let trusted = environment["SYSTEMD_PAGERSECURE"] != nil
        let secure = environment["SYSTEMD_PAGERSECURE"].map { !Self.isFalse($0) } ?? elevated
        if secure { variables["LESSSECURE"] = "1" }
        var candidates: [[String]] = []
        if let chosen, trusted || !secure { candidates.append(["/bin/sh", "-c", chosen]) }
        candidates += (secure ? ["less"] : ["pager", "less", "more"]).map { [$0] }
        return Launch(candidates: candidates, environment: variables)
    }

    /// Whether an environment variable reads as false, as systemd reads booleans (anything else is true).
    private static func isFalse(_ text: String) -> Bool {
        ["0", "no", "n", "false", "f", "off"].contains(text.lowercased())
    }

    /// Starts the pager for this process and points standard output at it; nil (output unchanged) when no pager is
    /// wanted or none could be started.
    static func start(environment: [String: String]) -> Pager? {
        let elevated = environment["SUDO_UID"] != nil || getuid() != geteuid()
        guard let launch = launch(environment: environment, isTerminal: isatty(1) == 1, elevated: elevated) else {
            return nil
        }
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return nil }
        let (reading, writing) = (descriptors[0], descriptors[1])
        var merged = environment
        for (name, value) in launch.environment { merged[name] = value }
        let variables = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for candidate in launch.candidates {
            if let pid = spawn(candidate, environment: variables, input: reading, unused: writing) {
                close(reading)
                // What is written after the pager quits is dropped, not a reason to die.
                signal(SIGPIPE, SIG_IGN)
                // Ctrl-C is the pager's to handle (it quits on it); the tool waits for it to end.
                signal(SIGINT, SIG_IGN)
                dup2(writing, 1)
                close(writing)
                return Pager(pid: pid)
            }
        }
        close(reading)
        close(writing)
        return nil
    }

    /// Runs `arguments` (looked up in `$PATH`) with `input` as its standard input; nil when it cannot be run.
    private static func spawn(_ arguments: [String], environment: [String], input: Int32, unused: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_addclose(&actions, input)
        posix_spawn_file_actions_addclose(&actions, unused)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        return status == 0 ? pid : nil
    }

    /// Closes standard output, so that the pager sees the end of the text, and waits until the user quits it.
    func finish() {
        close(1)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
