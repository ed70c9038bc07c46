#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Replaces a file's contents atomically: readers see the old file or the new one, never a part.
///
/// The bytes go to a temporary file in the same directory (`.NAME.XXXXXX`), which is flushed to disk, given the
/// mode a new file would get (0666 less the umask), and renamed over the target; the directory is then flushed so
/// the rename survives a crash.
enum AtomicFile {
    /// A failed step: what was being done and the error number.
    struct Failure: Error, Hashable, CustomStringConvertible {
        /// The step, `create a temporary file in /srv/www`.
        let step: String
        /// The error number of the call that failed.
        let code: Int32

        /// `create a temporary file in /srv/www: Permission denied`.
        var description: String { "\(step): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to `path`, replacing what was there.
    /// - Throws: ``Failure`` naming the step that failed; the target is then unchanged and no temporary is left.
    static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(step: "\(path): not a file name", code: EISDIR) }
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(step: "create a temporary file in \(directory)", code: errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var closed = false
        do throws(Failure) {
            try writeAll(bytes, to: descriptor, path: temporary)
            let mask = umask(0o022)
            umask(mask)
            guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw Failure(step: "chmod \(temporary)", code: errno) }
            guard fsync(descriptor) == 0 else { throw Failure(step: "fsync \(temporary)", code: errno) }
            closed = true
            guard close(descriptor) == 0 else { throw Failure(step: "close \(temporary)", code: errno) }
            guard rename(temporary, path) == 0 else { throw Failure(step: "rename to \(path)", code: errno) }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes and interruptions.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(step: "write \(path)", code: errno)
            }
            offset += written
        }
    }
}
