public import SystemPackage

/// The state directory or database could not be used, with what kind of problem it is and its underlying cause.
public struct StateError: Error, Hashable, CustomStringConvertible {
    /// What kind of problem it is; decides whether ticklerd can go on and what it tells the operator.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The directory or file cannot be reached, created or opened (permissions, a file in the way, no
        /// directory configured).
        case unavailable
        /// The state file exists but is empty (0 bytes): whatever it held is gone.
        case empty
        /// The state file is not an SQLite database.
        case notADatabase = "not-a-database"
        /// An SQLite database without Tickler's schema.
        case foreign
        /// Tickler's schema with migrations this build does not know: written by a newer ticklerd.
        case newerSchema = "newer-schema"
        /// The database is damaged: SQLite reports corruption or the integrity check fails.
        case corrupt
        /// The disk (or the file system's quota) is full: nothing more can be written until space returns.
        case full
        /// Any other failure to read or write.
        case failed

        /// Whether the state file itself is unusable — empty, foreign, newer or damaged — so that ticklerd refuses
        /// to start on it until the operator checks it and moves it aside (``StateRecovery``).
        public var isUnusableFile: Bool {
            switch self {
            case .empty, .notADatabase, .foreign, .newerSchema, .corrupt: true
            case .unavailable, .full, .failed: false
            }
        }
    }

    /// The underlying failure, as the system or SQLite reported it.
    public enum Cause: Sendable, Hashable, CustomStringConvertible {
        /// An SQLite result code: the primary code (`SQLITE_FULL` is 13), the extended one and SQLite's message.
        case sqlite(resultCode: Int32, extendedResultCode: Int32, message: String?)
        /// A system call failed with `errno`.
        case system(Errno)

        public var description: String {
            switch self {
            case .sqlite(let code, let extended, let message):
                let codes = extended == code ? "\(code)" : "\(code), extended \(extended)"
                return "SQLite error \(codes)" + (message.map { ": \($0)" } ?? "")
            case .system(let errno):
                return errno.description
            }
        }
    }

    /// What kind of problem it is.
    public let code: Code
    /// The file or directory concerned.
    public let path: String
    /// What went wrong with it, in words.
    public let reason: String
    /// The underlying failure, when there is one.
    public let cause: Cause?

    /// An error of kind `code` about `path`.
    /// - Parameters:
    ///   - code: the kind of problem.
    ///   - path: the file or directory concerned.
    ///   - reason: what went wrong, in words.
    ///   - cause: the underlying failure, if any.
    public init(_ code: Code = .failed, path: String, reason: String, cause: Cause? = nil) {
        self.code = code
        self.path = path
        self.reason = reason
        self.cause = cause
    }

    /// An error of kind `code` about `path` caused by a failed system call.
    public init(_ code: Code = .failed, path: String, reason: String, errno: Errno) {
        self.init(code, path: path, reason: reason, cause: .system(errno))
    }

    /// The SQLite primary result code, when SQLite reported the failure.
    public var sqliteResultCode: Int32? {
        if case .sqlite(let code, _, _) = cause { return code }
        return nil
    }

    /// The reason, then its cause: `cannot record fired events: SQLite error 13: database or disk is full`.
    public var explanation: String { reason + (cause.map { ": \($0)" } ?? "") }

    /// `state PATH: ` and the ``explanation``.
    public var description: String { "state \(path): \(explanation)" }
}
