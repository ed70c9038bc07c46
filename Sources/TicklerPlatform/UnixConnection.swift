public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One accepted connection of a ``UnixListener``: non-blocking, read and written without blocking a thread, closed
/// when the last reference goes.
public final class UnixConnection: Sendable {
    /// The connected socket.
    public let descriptor: Int32

    /// Takes ownership of a connected, non-blocking socket.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The peer's credentials, from the kernel (`SO_PEERCRED`), as they were when it connected.
    /// - Throws: the `Errno` of `getsockopt`.
    public func peerCredentials() throws(Errno) -> PeerCredentials {
        try Self.peerCredentials(of: descriptor)
    }

    /// The credentials of the peer of the connected Unix socket `descriptor`.
    /// - Throws: the `Errno` of `getsockopt`.
    static func peerCredentials(of descriptor: Int32) throws(Errno) -> PeerCredentials {
        // struct ucred: pid_t pid, uid_t uid, gid_t gid.
        var credentials: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else {
            throw Errno(rawValue: errno)
        }
        guard length == socklen_t(MemoryLayout.size(ofValue: credentials)) else { throw Errno.protocolNotSupported }
        return PeerCredentials(pid: credentials.0, uid: credentials.1, gid: credentials.2)
    }

    /// Reads one line of at most `maximumBytes` bytes (its newline included) within `timeout` in all, however
    /// slowly the peer sends it; bytes after the newline are dropped.
    public func readLine(maximumBytes: Int, timeout: Duration) async -> LineRead {
        await readLine(maximumBytes: maximumBytes, timeout: timeout, stoppingAtNewline: true)
    }

    /// Reads up to a newline (or, without `stoppingAtNewline`, to the end) within the limits.
    private func readLine(maximumBytes: Int, timeout: Duration, stoppingAtNewline: Bool) async -> LineRead {
        let deadline = ContinuousClock.now + timeout
        var line = LineBuffer(maximumBytes: maximumBytes)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let wanted = min(chunk.count, line.wanted)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, wanted, 0) }
            if count > 0 {
                if let done = line.append(chunk[..<count]), stoppingAtNewline || done == .tooLong { return done }
                continue
            }
            if count == 0 { return .ended(line.bytes) }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { return .failed(Errno(rawValue: code)) }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return .timedOut }
            switch await ReadinessWait.wait(descriptor, for: .readable, timeout: remaining) {
            case .ready: continue
            case .timedOut: return .timedOut
            case .cancelled: return .cancelled
            }
        }
    }

    /// Ends the conversation: no more writing (`shutdown(SHUT_WR)`), then what the peer still sends is read and
    /// dropped, up to `maximumBytes` or `timeout`, so that closing with unread bytes does not reset the peer's
    /// connection before it has read the reply.
    public func finish(drainingAtMost maximumBytes: Int, timeout: Duration) async {
        shutdown(descriptor, Int32(SHUT_WR))
        _ = await readLine(maximumBytes: maximumBytes, timeout: timeout, stoppingAtNewline: false)
    }

    /// Writes all of `bytes` within `timeout` in all; false when the peer does not take them in time, has gone, or
    /// the task was cancelled.
    public func write(_ bytes: [UInt8], timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                offset += count
                continue
            }
            let code = errno
            if count < 0 && code == EINTR { continue }
            guard count < 0, code == EAGAIN || code == EWOULDBLOCK else { return false }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero,
                await ReadinessWait.wait(descriptor, for: .writable, timeout: remaining) == .ready
            else { return false }
        }
        return true
    }
}
