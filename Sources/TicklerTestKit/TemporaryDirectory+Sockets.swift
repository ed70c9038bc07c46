#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension TemporaryDirectory {
    /// Makes `name` a stale Unix socket, as a daemon killed with SIGKILL leaves one: bound, then closed, so that
    /// connecting is refused (`ECONNREFUSED`). Returns its path.
    /// - Throws: ``Failure`` when the socket cannot be made or bound.
    public func staleSocket(_ name: String) throws(Failure) -> String {
        let path = file(name)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(call: "socket", path: path, errno: errno) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw Failure(call: "bind", path: path, errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw Failure(call: "bind", path: path, errno: errno) }
        return path
    }
}
