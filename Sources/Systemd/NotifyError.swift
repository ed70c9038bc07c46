#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `sd_notify` failed to deliver a message to the service manager.
public struct NotifyError: Error, CustomStringConvertible, Equatable {
    /// The datagram that was not delivered.
    public var message: String
    /// The errno `sd_notify` returned (positive).
    public var code: Int32

    /// Creates the error for `message` and the positive errno `code`.
    public init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    public var description: String {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        return "sd_notify(\"\(first)\") to $NOTIFY_SOCKET failed: \(String(cString: strerror(code)))"
    }
}
