public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A listening `AF_UNIX` stream socket: one handed over by systemd (socket activation) or one bound to a path here.
/// Connections are accepted without blocking a thread; the socket is closed (and a path bound here removed) when
/// the last reference goes.
public final class UnixListener: Sendable {
    /// The listening socket.
    public let descriptor: Int32
    /// The path bound here, removed at the end; nil for a socket handed over.
    public let boundPath: String?

    /// Takes over a listening socket handed over by the service manager, making it non-blocking and close-on-exec.
    /// - Throws: the `Errno` of `fcntl`.
    public init(adopting descriptor: Int32) throws(Errno) {
        try Self.makeNonBlocking(descriptor)
        self.descriptor = descriptor
        boundPath = nil
    }

    /// Binds a new socket to `path` and listens: a stale socket there (left by a killed daemon) is replaced, one that
    /// is listened on is refused (`EADDRINUSE`), and anything else there too (`EEXIST`);
    /// a missing parent directory is created (mode 0755), and the socket gets `mode` and, when given, `group`.
    /// - Parameters:
    ///   - path: where to bind.
    ///   - mode: the socket file's permissions (0660: the owner and the group may connect).
    ///   - group: the group to give the socket file, if any.
    ///   - backlog: how many connections may wait to be accepted.
    /// - Throws: the `Errno` of the step that failed (`EEXIST` when something other than a socket is at `path`).
    public init(binding path: String, mode: UInt32 = 0o660, group: UInt32? = nil, backlog: Int32 = 16) throws(Errno) {
        let address = try UnixSocketAddress(path)
        let descriptor = socket(
            AF_UNIX,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0
        )
        guard descriptor >= 0 else { throw Errno(rawValue: errno) }
        do throws(Errno) {
            try Self.prepare(path)
            let bound = address.withSocketAddress { bind(descriptor, $0, $1) }
            guard bound == 0 else { throw Errno(rawValue: errno) }
            guard chmod(path, mode_t(mode)) == 0 else { throw Errno(rawValue: errno) }
            if let group, chown(path, uid_t.max, group) != 0 { throw Errno(rawValue: errno) }
            guard listen(descriptor, backlog) == 0 else { throw Errno(rawValue: errno) }
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        boundPath = path
    }

    deinit {
        if let boundPath { unlink(boundPath) }
        close(descriptor)
    }

    /// Makes room for a socket at `path`: creates its parent directory if missing, removes a stale socket.
    private static func prepare(_ path: String) throws(Errno) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let parent = String(path[..<slash])
            if mkdir(parent, 0o755) != 0 && errno != EEXIST { throw Errno(rawValue: errno) }
        }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw Errno(rawValue: errno) }
            return
        }
        guard status.st_mode & S_IFMT == S_IFSOCK else { throw Errno.fileExists }
        // A socket someone still listens on (systemd's, another daemon's) is theirs: only a stale one is replaced.
        guard !isListening(at: path) else { throw Errno.addressInUse }
        guard unlink(path) == 0 else { throw Errno(rawValue: errno) }
    }

    /// Whether something accepts connections on the socket at `path` (a stale socket refuses them).
    private static func isListening(at path: String) -> Bool {
        guard let address = try? UnixSocketAddress(path) else { return false }
        let probe = socket(
            AF_UNIX,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0
        )
        guard probe >= 0 else { return false }
        defer { close(probe) }
        // Non-blocking: connected, or EAGAIN when its queue is full, means a listener; ECONNREFUSED means none.
        return address.withSocketAddress { connect(probe, $0, $1) } == 0 || errno == EAGAIN
    }

    /// Sets `O_NONBLOCK` and `FD_CLOEXEC` on `descriptor`.
    static func makeNonBlocking(_ descriptor: Int32) throws(Errno) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0,
            fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0
        else { throw Errno(rawValue: errno) }
    }

    /// Accepts the next connection, waiting without blocking a thread; nil when the task is cancelled.
    /// - Throws: the `Errno` of `accept4` for a failure other than a connection aborted or a descriptor limit (after
    ///   which it waits a moment and tries again).
    public func accept() async throws(Errno) -> UnixConnection? {
        while !Task.isCancelled {
            let connection = Glibc.accept(descriptor, nil, nil)
            if connection >= 0 {
                let accepted = UnixConnection(descriptor: connection)
                try Self.makeNonBlocking(connection)
                return accepted
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EAGAIN, EWOULDBLOCK:
                if await ReadinessWait.wait(descriptor, for: .readable, timeout: nil) == .cancelled { return nil }
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                // Out of descriptors or memory: let the connections being served finish first.
                try? await Task.sleep(for: .milliseconds(100))
            case let code: throw Errno(rawValue: code)
            }
        }
        return nil
    }
}
