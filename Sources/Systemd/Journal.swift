import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The systemd journal, written through `sd_journal_sendv` (the variadic `sd_journal_send` is not callable from Swift).
public enum Journal {
    /// The socket journald listens on for native entries.
    public static let socketPath = "/run/systemd/journal/socket"

    /// Whether journald's native socket exists on this system.
    public static var isAvailable: Bool {
        access(socketPath, F_OK) == 0
    }

    /// Sends `entry` to journald in one native datagram.
    /// - Throws: `JournalError.sendFailed` when journald is unreachable or refuses the entry.
    public static func send(_ entry: JournalEntry) throws(JournalError) {
        let payloads = entry.payloads
        guard !payloads.isEmpty else { return }
        let result = withIOVecs(payloads) { vectors in
            sd_journal_sendv(vectors.baseAddress, Int32(vectors.count))
        }
        if result < 0 {
            throw .sendFailed(code: -result)
        }
    }

    /// Calls `body` with one iovec per payload, each pointing into a live copy of its bytes.
    private static func withIOVecs<R>(_ payloads: [[UInt8]], _ body: (UnsafeBufferPointer<iovec>) -> R) -> R {
        let total = payloads.reduce(0) { $0 + $1.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { storage in
            withUnsafeTemporaryAllocation(of: iovec.self, capacity: payloads.count) { vectors in
                var offset = 0
                for (index, payload) in payloads.enumerated() {
                    let start = storage.baseAddress! + offset
                    payload.withUnsafeBufferPointer { bytes in
                        start.initialize(from: bytes.baseAddress!, count: bytes.count)
                    }
                    vectors[index] = iovec(iov_base: UnsafeMutableRawPointer(start), iov_len: payload.count)
                    offset += payload.count
                }
                return body(UnsafeBufferPointer(vectors))
            }
        }
    }
}
