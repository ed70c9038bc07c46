import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The directory that holds ticklerd's state (`state.sqlite`), and the rule that chooses it.
///
/// In order: the first path of `$STATE_DIRECTORY` (systemd's `StateDirectory=`; several are colon-separated),
/// then `--state-dir`, then `$XDG_STATE_HOME/tickler`, then `~/.local/state/tickler`.
public struct StateDirectory: Sendable, Hashable, CustomStringConvertible {
    /// Where the choice came from, for messages.
    public enum Origin: String, Sendable, Hashable {
        case systemd = "$STATE_DIRECTORY"
        case commandLine = "--state-dir"
        case xdgStateHome = "$XDG_STATE_HOME"
        case home = "$HOME"
        /// The installed service's directory, found by a tool (``locate(commandLine:environment:)``).
        case service = "the installed service"
    }

    /// The directory's path.
    public let path: String
    /// Which rule chose it.
    public let origin: Origin

    /// A directory chosen by `origin`.
    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    public var description: String { "\(path) (from \(origin.rawValue))" }

    /// Chooses the state directory.
    /// - Parameters:
    ///   - commandLine: the value of `--state-dir`, if given.
    ///   - environment: the process environment (`STATE_DIRECTORY`, `XDG_STATE_HOME`, `HOME`).
    /// - Throws: ``StateError`` when nothing names a directory (no `$HOME` either).
    public static func resolve(
        commandLine: String?,
        environment: [String: String]
    ) throws(StateError) -> StateDirectory {
        if let value = environment["STATE_DIRECTORY"],
            let first = value.split(separator: ":", omittingEmptySubsequences: true).first
        {
            return StateDirectory(path: String(first), origin: .systemd)
        }
        if let commandLine, !commandLine.isEmpty {
            return StateDirectory(path: commandLine, origin: .commandLine)
        }
        // The XDG base directory specification ignores relative paths.
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return StateDirectory(path: joined(xdg, "tickler"), origin: .xdgStateHome)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return StateDirectory(path: joined(home, ".local/state/tickler"), origin: .home)
        }
        throw StateError(
            .unavailable,
            path: "~/.local/state/tickler",
            reason: "no state directory: neither $STATE_DIRECTORY, --state-dir, $XDG_STATE_HOME nor $HOME is set"
        )
    }

    /// Creates the directory and any missing parents (new ones with mode 0700); an existing one is left as it is.
    /// - Throws: ``StateError`` naming the path that could not be created, or that is not a directory.
    public func create() throws(StateError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var status = stat()
            if stat(prefix, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw StateError(.unavailable, path: prefix, reason: "exists but is not a directory")
                }
                continue
            }
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw StateError(
                    .unavailable,
                    path: prefix,
                    reason: "cannot create directory",
                    errno: Errno(rawValue: errno)
                )
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw StateError(
                .unavailable,
                path: path,
                reason: "directory is not writable",
                errno: Errno(rawValue: errno)
            )
        }
    }

    /// The path of `name` inside this directory.
    public func file(_ name: String) -> String { Self.joined(path, name) }

    private static func joined(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

extension StateDirectory {
    /// The state directory a tool inspects (`ticklerctl state check`): `--state-dir`, else `$STATE_DIRECTORY`,
    /// else the installed service's `/var/lib/tickler` when it holds a state file, else the directory ticklerd
    /// would choose for the user running the tool.
    /// - Parameters:
    ///   - commandLine: the value of `--state-dir`, if given.
    ///   - environment: the process environment.
    /// - Throws: ``StateError`` when nothing names a directory.
    public static func locate(commandLine: String?, environment: [String: String]) throws(StateError) -> StateDirectory
    {
        if let commandLine, !commandLine.isEmpty { return StateDirectory(path: commandLine, origin: .commandLine) }
        if environment["STATE_DIRECTORY"]?.isEmpty == false {
            return try resolve(commandLine: nil, environment: environment)
        }
        let service = StateDirectory(path: "/var/lib/tickler", origin: .service)
        if access(service.file(SQLiteStateStore.fileName), F_OK) == 0 { return service }
        return try resolve(commandLine: nil, environment: environment)
    }
}
