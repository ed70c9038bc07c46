import TicklerPlatform

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A fresh directory under /tmp for one test, removed with everything in it by ``remove()``.
///
/// Writing creates the parent directories on the way; a failing call throws a ``Failure`` that names the call, the
/// path and the system's error, so a test fails with the reason instead of crashing the test process.
public struct TemporaryDirectory: Sendable {
    /// A system call on a path of the directory failed.
    public struct Failure: Error, CustomStringConvertible {
        /// The call that failed (`mkdtemp`, `mkdir`, `open`, `write`, `read`).
        public let call: String
        /// The path it was called on.
        public let path: String
        /// The system's error number.
        public let errno: Int32

        /// `CALL PATH: REASON`, the reason in the system's words.
        public var description: String { "\(call) \(path): \(String(cString: strerror(errno)))" }
    }

    /// The most ``bytes(of:)`` reads: 256 MiB, far above any file a test writes.
    public static let readLimit = 256 << 20

    /// The directory's path.
    public let path: String

    /// Creates a new empty directory `/tmp/tickler-tests.XXXXXX`.
    /// - Throws: ``Failure`` when `mkdtemp(3)` fails.
    public init() throws(Failure) {
        var template = Array("/tmp/tickler-tests.XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(call: "mkdtemp", path: "/tmp/tickler-tests.XXXXXX", errno: errno)
        }
        path = String(cString: created)
    }

    /// The path of `name` (relative, `/`-separated) inside the directory; nothing is created.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` as UTF-8 to `name` (relative to the directory), replacing it and creating parent directories.
    /// - Returns: The file's path.
    /// - Throws: ``Failure`` when a directory or the file cannot be made or written.
    @discardableResult
    public func write(_ text: String, to name: String) throws(Failure) -> String {
        try write(bytes: Array(text.utf8), to: name)
    }

    /// Writes `bytes` to `name` (relative to the directory), replacing it and creating parent directories.
    /// - Returns: The file's path.
    /// - Throws: ``Failure`` when a directory or the file cannot be made or written.
    @discardableResult
    public func write(bytes: [UInt8], to name: String) throws(Failure) -> String {
        try makeParents(of: name)
        let target = file(name)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(call: "open", path: target, errno: errno) }
        defer { close(descriptor) }
        var written = 0
        // Each pass writes at least one byte or fails: at most `bytes.count` passes besides interruptions.
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(written))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(call: "write", path: target, errno: errno)
            }
            written += count
        }
        return target
    }

    /// Copies the file at `source` (any path) to `name` inside the directory.
    /// - Returns: The copy's path.
    /// - Throws: ``Failure`` when `source` cannot be read or the copy cannot be written.
    @discardableResult
    public func copy(_ source: String, to name: String) throws(Failure) -> String {
        errno = 0
        guard let bytes = Self.bytes(of: source) else {
            // No errno: the file is there but is not a regular file or is too large.
            throw Failure(call: "read", path: source, errno: errno == 0 ? EINVAL : errno)
        }
        return try write(bytes: bytes, to: name)
    }

    /// Whether `name` (relative to the directory) exists.
    public func exists(_ name: String) -> Bool { access(file(name), F_OK) == 0 }

    /// The names directly inside the directory, sorted; empty when it cannot be read.
    public func names() -> [String] {
        guard let stream = opendir(path) else { return [] }
        defer { closedir(stream) }
        var result: [String] = []
        while let entry = readdir(stream) {
            let name = Self.name(of: entry)
            if name != "." && name != ".." { result.append(name) }
        }
        return result.sorted()
    }

    /// The bytes of the regular file at `path` (any path), or nil when it cannot be read or exceeds ``readLimit``.
    public static func bytes(of path: String) -> [UInt8]? {
        RegularFile.contents(of: path, limit: readLimit)
    }

    /// Deletes the directory and everything in it; what cannot be deleted stays (nothing is reported).
    public func remove() {
        Self.removeTree(path)
    }

    /// Makes the directories leading to `name`, each one that is missing.
    private func makeParents(of name: String) throws(Failure) {
        var prefix = path
        for component in name.split(separator: "/").dropLast() {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw Failure(call: "mkdir", path: prefix, errno: errno)
            }
        }
    }

    /// Deletes `path`: a directory with its contents, depth first, or a file.
    private static func removeTree(_ path: String) {
        guard let stream = opendir(path) else {
            unlink(path)
            return
        }
        while let entry = readdir(stream) {
            let name = name(of: entry)
            if name != "." && name != ".." { removeTree(path + "/" + name) }
        }
        closedir(stream)
        rmdir(path)
    }

    /// The name in a directory entry.
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
