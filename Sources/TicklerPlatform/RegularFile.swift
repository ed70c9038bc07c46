#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reading small regular files whole, without blocking on anything that is not one.
public enum RegularFile {
    /// The whole content of the regular file at `path` (symbolic links followed), or nil when it is missing,
    /// unreadable, not a regular file (a FIFO or a device is never read) or larger than `limit` bytes.
    public static func contents(of path: String, limit: Int) -> [UInt8]? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused by the check below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else {
            return nil
        }
        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while result.count <= limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            guard count > 0 else { return result }
            result.append(contentsOf: chunk[0..<count])
        }
        return nil
    }
}
