public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reading regular files whole, without blocking on anything that is not one: the one reader of whole files (zone
/// files, `/etc/timezone`, schedule files).
public enum RegularFile {
    /// Why a file was not read.
    public enum Failure: Error, Equatable {
        /// A call failed; the `Errno` reads like `strerror`.
        case system(Errno)
        /// The path names something other than a regular file: ``kindName(mode:)`` says what.
        case notRegular(String)
        /// The file is larger than the limit.
        case tooLarge
    }

    /// The whole content of the regular file at `path` (symbolic links followed), at most `limit` bytes.
    ///
    /// The file is opened without blocking (a FIFO with no writer would block forever) and checked with `fstat`
    /// before anything is read, so a FIFO, a device (`/dev/zero`) or a directory is refused without reading it.
    /// The size `fstat` gives, and one byte more to see the end, is read straight into the result (a large file's
    /// bytes are not copied from a chunk); a file that grew meanwhile, or one whose size `fstat` does not tell (a
    /// file of `/proc`), is read on in chunks, and the read stops one byte past the limit.
    /// - Throws: ``Failure`` saying what is wrong.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let (descriptor, expected) = try open(path, limit: limit)
        defer { try? descriptor.close() }
        var failure: Failure?
        var result = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = read(descriptor, into: buffer, failure: &failure)
        }
        if let failure { throw failure }
        guard result.count > expected else { return result }
        guard result.count <= limit else { throw .tooLarge }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
            } catch {
                throw .system(error as? Errno ?? .ioError)
            }
            guard count > 0 else { return result }
            guard result.count + count <= limit else { throw .tooLarge }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// The whole content of the regular file at `path`, or nil when ``read(_:limit:)`` fails: missing, unreadable,
    /// not a regular file or larger than `limit` bytes.
    public static func contents(of path: String, limit: Int) -> [UInt8]? {
        try? read(path, limit: limit)
    }

    /// What a `st_mode` that is not a regular file's names: `a directory`, `a FIFO`, `a socket`, `a character
    /// device`, `a block device`, else `not a file`.
    public static func kindName(mode: UInt32) -> String {
        switch mode_t(truncatingIfNeeded: mode) & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
    }

    /// The regular file at `path`, opened without blocking, and its size; refused when it is not a regular file or
    /// is larger than `limit`.
    private static func open(_ path: String, limit: Int) throws(Failure) -> (FileDescriptor, Int) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec, .nonBlocking])
        } catch {
            throw .system(error as? Errno ?? .ioError)
        }
        var info = stat()
        do throws(Failure) {
            guard fstat(descriptor.rawValue, &info) == 0 else { throw .system(Errno(rawValue: errno)) }
            guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular(kindName(mode: UInt32(info.st_mode))) }
            guard info.st_size <= limit else { throw .tooLarge }
        } catch {
            try? descriptor.close()
            throw error
        }
        return (descriptor, Int(info.st_size))
    }

    /// Reads `descriptor` into `buffer` until the buffer is full or the file ends; the bytes read. A failed read
    /// sets `failure`.
    private static func read(
        _ descriptor: FileDescriptor,
        into buffer: UnsafeMutableBufferPointer<UInt8>,
        failure: inout Failure?
    ) -> Int {
        var count = 0
        while count < buffer.count {
            do {
                let free = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
                let read = try descriptor.read(into: free, retryOnInterrupt: true)
                guard read > 0 else { break }
                count += read
            } catch {
                failure = .system(error as? Errno ?? .ioError)
                break
            }
        }
        return count
    }
}
