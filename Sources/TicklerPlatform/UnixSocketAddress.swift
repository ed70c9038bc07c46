import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The address of a Unix socket in the file system (`sockaddr_un`), for `bind(2)` and `connect(2)`.
struct UnixSocketAddress {
    /// The path, as given.
    let path: String
    /// The address.
    private var address = sockaddr_un()

    /// The address of `path`.
    /// - Throws: `ENAMETOOLONG` when the path does not fit `sun_path` (107 bytes), `EINVAL` when it is empty or
    ///   holds a NUL byte.
    init(_ path: String) throws(Errno) {
        self.path = path
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, !bytes.contains(0) else { throw Errno.invalidArgument }
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw Errno.fileNameTooLong }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
    }

    /// Calls `body` with the address as a `sockaddr` and its length.
    func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}
