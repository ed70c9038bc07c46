import CTicklerPlatform
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The connecting end of an `AF_UNIX` stream socket, for a command-line tool: blocking calls, each bounded by the
/// timeout given at connection (`SO_SNDTIMEO`, `SO_RCVTIMEO`), closed when the last reference goes.
public final class UnixClient: Sendable {
    /// The connected socket.
    private let descriptor: Int32

    /// Connects to the socket at `path`, waiting at most `timeout` for this and for each later send and receive.
    /// - Throws: the `Errno` of the step that failed: `ENOENT` (no socket there), `ECONNREFUSED` (nobody listens),
    ///   `EACCES` (the socket's permissions keep the caller out), `EAGAIN` (the listener's queue stayed full).
    public init(connectingTo path: String, timeout: Duration) throws(Errno) {
        let address = try UnixSocketAddress(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw Errno(rawValue: errno) }
        let (seconds, attoseconds) = timeout.components
        var limit = timeval(tv_sec: Int(max(0, seconds)), tv_usec: Int(max(0, attoseconds) / 1_000_000_000_000))
        if limit.tv_sec == 0 && limit.tv_usec == 0 { limit.tv_usec = 1 }
        let length = socklen_t(MemoryLayout<timeval>.size)
        guard setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, length) == 0,
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, length) == 0
        else {
            let code = errno
            close(descriptor)
            throw Errno(rawValue: code)
        }
        while address.withSocketAddress({ connect(descriptor, $0, $1) }) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            throw Errno(rawValue: code)
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Sends all of `bytes`.
    /// - Throws: the `Errno` of `send` (`EAGAIN` when the peer took nothing within the timeout, `EPIPE` when it
    ///   has gone).
    public func send(_ bytes: [UInt8]) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                offset += count
            } else if errno != EINTR {
                throw Errno(rawValue: errno)
            }
        }
    }

    /// Says that nothing more will be sent (`shutdown(SHUT_WR)`): the peer reads the end of the stream.
    public func finishSending() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Receives one line of at most `maximumBytes` bytes, its newline included; ``LineRead/timedOut`` when the
    /// peer is silent for longer than the timeout.
    public func receiveLine(maximumBytes: Int) -> LineRead {
        var line = LineBuffer(maximumBytes: maximumBytes)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let wanted = min(chunk.count, line.wanted)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, wanted, 0) }
            if count > 0 {
                if let done = line.append(chunk[..<count]) { return done }
            } else if count == 0 {
                return .ended(line.bytes)
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return .timedOut
            } else if errno != EINTR {
                return .failed(Errno(rawValue: errno))
            }
        }
    }
}
