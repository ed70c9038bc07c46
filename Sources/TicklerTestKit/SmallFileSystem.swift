#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A tmpfs of a few megabytes mounted on a fresh directory under /tmp, and a filler file that makes it full: a real
/// full disk for tests (`ENOSPC`, `SQLITE_FULL`). Mounting needs root; ``canMount`` says whether it works here.
public struct SmallFileSystem: Sendable {
    /// Whether this process may mount one (root, and a kernel that lets it).
    public static let canMount: Bool = {
        guard geteuid() == 0, let probe = try? SmallFileSystem(megabytes: 1) else { return false }
        probe.remove()
        return true
    }()

    /// `mount(2)` or `mkdtemp(3)` failed with `errno`.
    public struct MountError: Error {
        /// The system's error number.
        public let errno: Int32
    }

    /// Where it is mounted.
    public let path: String

    /// Mounts a tmpfs of `megabytes` on a new directory.
    /// - Throws: ``MountError`` when the directory cannot be made or the mount is refused.
    public init(megabytes: Int) throws {
        var template = Array("/tmp/tickler-small-fs.XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw MountError(errno: errno)
        }
        path = String(cString: created)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(megabytes)m,mode=0700") == 0 else {
            let failure = errno
            rmdir(path)
            throw MountError(errno: failure)
        }
    }

    /// The path of `name` on it.
    public func file(_ name: String) -> String { path + "/" + name }

    /// The size of `name` in bytes, 0 when it does not exist.
    public func size(of name: String) -> Int64 {
        var status = stat()
        return stat(file(name), &status) == 0 ? Int64(status.st_size) : 0
    }

    /// Writes a filler file until the file system has no space left.
    public func fill() {
        let descriptor = open(file("filler"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(descriptor >= 0, "cannot create the filler file")
        let chunk = [UInt8](repeating: 0xAA, count: 4096)
        // Bounded: the file system holds a few megabytes.
        var chunks = 0
        while chunks < 100_000 && chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {
            chunks += 1
        }
        close(descriptor)
    }

    /// Deletes the filler file: the space returns.
    public func unfill() { unlink(file("filler")) }

    /// Unmounts it (with everything on it) and deletes the directory.
    public func remove() {
        umount2(path, Int32(MNT_DETACH))
        rmdir(path)
    }
}
