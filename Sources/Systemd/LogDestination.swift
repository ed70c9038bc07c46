#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where `JournalLogHandler` writes: journald's native socket, or readable lines on stderr.
public enum LogDestination: Sendable, Equatable {
    /// Structured entries through `sd_journal_sendv`.
    case journal
    /// One readable line per entry on stderr; `timestamps` prefixes each with the local time.
    case standardError(timestamps: Bool)

    /// What the process can see of its surroundings, the inputs of `choose(for:)`.
    public struct Surroundings: Sendable, Equatable {
        /// `/run/systemd/journal/socket` exists.
        public var journalSocketExists: Bool
        /// stderr is a terminal.
        public var standardErrorIsTerminal: Bool
        /// `$JOURNAL_STREAM` is set and equals stderr's `device:inode`: stderr itself is a journal stream.
        public var standardErrorIsJournalStream: Bool
        /// `$INVOCATION_ID` is set: the process was started by systemd.
        public var startedByServiceManager: Bool

        /// Creates surroundings from explicit facts (for tests and overrides).
        public init(
            journalSocketExists: Bool,
            standardErrorIsTerminal: Bool,
            standardErrorIsJournalStream: Bool,
            startedByServiceManager: Bool
        ) {
            self.journalSocketExists = journalSocketExists
            self.standardErrorIsTerminal = standardErrorIsTerminal
            self.standardErrorIsJournalStream = standardErrorIsJournalStream
            self.startedByServiceManager = startedByServiceManager
        }

        /// Reads the facts from this process: the socket, `isatty(2)`, `$JOURNAL_STREAM`, `$INVOCATION_ID`.
        public static func current() -> Surroundings {
            Surroundings(
                journalSocketExists: Journal.isAvailable,
                standardErrorIsTerminal: isatty(STDERR_FILENO) == 1,
                standardErrorIsJournalStream: journalStreamMatchesStandardError(),
                startedByServiceManager: getenv("INVOCATION_ID") != nil
            )
        }

        private static func journalStreamMatchesStandardError() -> Bool {
            guard let stream = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
            var status = stat()
            guard fstat(STDERR_FILENO, &status) == 0 else { return false }
            return stream == "\(status.st_dev):\(status.st_ino)"
        }
    }

    /// The journal when its socket exists and either stderr is a journal stream or systemd started the process with
    /// stderr elsewhere than a terminal; otherwise stderr, with timestamps unless stderr is a journal stream (whose
    /// entries journald stamps itself): a terminal, a pipe or a file all get the time of each line.
    public static func choose(for surroundings: Surroundings) -> LogDestination {
        let underJournal =
            surroundings.standardErrorIsJournalStream
            || (surroundings.startedByServiceManager && !surroundings.standardErrorIsTerminal)
        if surroundings.journalSocketExists && underJournal {
            return .journal
        }
        return .standardError(timestamps: !surroundings.standardErrorIsJournalStream)
    }
}
