public import SystemPackage

/// What reading one newline-terminated line from a stream gave.
public enum LineRead: Sendable, Equatable {
    /// The line, its newline included.
    case line([UInt8])
    /// More than the allowed bytes came without a newline; reading stopped there.
    case tooLong
    /// The stream ended before a newline, after these bytes (none when the peer sent nothing).
    case ended([UInt8])
    /// The time allowed passed before a whole line came.
    case timedOut
    /// The waiting task was cancelled.
    case cancelled
    /// Reading failed.
    case failed(Errno)
}
