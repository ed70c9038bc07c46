import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `ticklerctl state check`: checks ticklerd's state file, read-only, and says whether ticklerd can start on it.
///
/// The check itself runs in `ticklerd --check-state`, which this verb executes in its place: reading SQLite needs
/// GRDB and libsqlite3, and linking them into ticklerctl would slow every start of it (measured: about 60 more
/// page faults and 0.5–1 ms more CPU per start, where a whole `calendar` preview costs a few milliseconds).
struct StateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check ticklerd's state file without changing it.",
        discussion: """
            Opens STATE/state.sqlite read-only and prints its schema version,
            how many obligations have a first-seen time, how many fired events
            are recorded, the checkpoint, and SQLite's integrity check. A state
            file that is empty, not SQLite, SQLite without Tickler's schema,
            written by a newer ticklerd or damaged is a problem: ticklerd
            refuses to start on it, and this verb says how to recover
            (`ticklerd --reset-state` moves it aside and starts afresh, or move
            it aside yourself).

            The state directory: --state-dir, else $STATE_DIRECTORY, else
            /var/lib/tickler when it holds a state file (the installed service),
            else the one ticklerd would use for you ($XDG_STATE_HOME/tickler or
            ~/.local/state/tickler).

            The check is run by `ticklerd --check-state`, found beside
            ticklerctl or on $PATH.

            Exit status: 0 when the state is sound, 1 when there is a problem
            or no state file.

            Examples:
              ticklerctl state check
              ticklerctl state check --state-dir /var/lib/tickler --json
            """
    )

    @Option(
        name: .customLong("state-dir"),
        help: ArgumentHelp("Directory holding state.sqlite.", valueName: "dir")
    )
    var stateDirectory: String?

    @Flag(help: "Print the report as a JSON object.")
    var json = false

    func run() throws {
        guard let ticklerd = Self.findTicklerd() else {
            var errors = FileDescriptorSink.standardError
            errors.writeLine(
                "ticklerctl: state check runs `ticklerd --check-state`, but no ticklerd was found beside "
                    + "ticklerctl or on $PATH"
            )
            throw ExitCode.failure
        }
        var arguments = [ticklerd, "--check-state"]
        if let stateDirectory { arguments += ["--state-dir", stateDirectory] }
        if json { arguments.append("--json") }
        Self.exec(arguments)
        var errors = FileDescriptorSink.standardError
        errors.writeLine("ticklerctl: cannot run \(ticklerd): \(String(cString: strerror(errno)))")
        throw ExitCode.failure
    }

    /// `ticklerd` in the directory of this executable, else the first on `$PATH`.
    static func findTicklerd() -> String? { findProgram("ticklerd") }

    /// The program `name` in the directory of this executable, else the first on `$PATH`.
    static func findProgram(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        var directories: [String] = []
        if length > 0 {
            let own = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = own.lastIndex(of: "/") { directories.append(String(own[..<slash])) }
        }
        if let path = getenv("PATH") {
            directories += String(cString: path).split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        return directories.lazy.map { $0 + "/" + name }.first { access($0, X_OK) == 0 }
    }

    /// Replaces this process with `arguments[0]` run on `arguments`; returns only when that fails.
    private static func exec(_ arguments: [String]) {
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv(arguments[0], &pointers)
        for pointer in pointers { free(pointer) }
    }
}
