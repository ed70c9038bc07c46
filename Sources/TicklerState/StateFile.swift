import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The file-system steps around a state file: whether it exists, its kind and size, free space, atomic renames.
enum StateFile {
    /// Whether anything exists at `path` (a dangling symbolic link counts as nothing).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Checks that `path` is a regular file with at least one byte.
    /// - Throws: ``StateError`` with ``StateError/Code/empty`` for a 0-byte file, ``StateError/Code/unavailable``
    ///   for anything but a regular file or when it cannot be examined.
    static func requireNonEmptyRegularFile(_ path: String) throws(StateError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw StateError(.unavailable, path: path, reason: "cannot examine the file", errno: Errno(rawValue: errno))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw StateError(.unavailable, path: path, reason: "not a regular file")
        }
        guard status.st_size > 0 else {
            throw StateError(
                .empty,
                path: path,
                reason: "the file is empty (0 bytes): the history it held (what fired, what was first seen when) "
                    + "is gone"
            )
        }
    }

    /// The bytes available to unprivileged writers on the file system that holds `path`'s directory, or nil when
    /// it cannot be told.
    static func freeBytes(near path: String) -> Int64? {
        var status = statvfs()
        guard statvfs(directory(of: path), &status) == 0 else { return nil }
        let (bytes, overflow) = Int64(clamping: status.f_bavail).multipliedReportingOverflow(
            by: Int64(clamping: status.f_frsize)
        )
        return overflow ? Int64.max : bytes
    }

    /// Removes the database at `path` with its write-ahead log and shared-memory index (only those two with
    /// `keepingMain`); missing files are no error.
    static func removeDatabase(at path: String, keepingMain: Bool = false) {
        if !keepingMain { unlink(path) }
        unlink(path + "-wal")
        unlink(path + "-shm")
    }

    /// Renames `source` to `destination` and makes the rename durable (the directory is synced).
    /// - Throws: ``StateError`` about `destination` when the rename fails.
    static func rename(_ source: String, to destination: String) throws(StateError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw StateError(
                .unavailable,
                path: destination,
                reason: "cannot rename \(source) to it",
                errno: Errno(rawValue: errno)
            )
        }
        let directory = open(directory(of: destination), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// The directory part of `path` (`.` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
