#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The real-time clock's timer could not be set up.
public struct ClockError: Error, Hashable, CustomStringConvertible {
    /// The system call that failed.
    public let operation: String
    /// Its errno.
    public let code: Int32

    /// An error for `operation` failing with `code`.
    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation) on CLOCK_REALTIME failed: \(String(cString: strerror(code)))" }
}
