import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few questions the loader asks of the file system, answered with POSIX calls and swift-system.
enum FileSystem {
    /// What a path names.
    enum Kind: Equatable {
        case missing, file, directory
        /// Anything else: a FIFO, a socket, a character or block device; the name says which.
        case other(String)
    }

    /// Why a schedule file could not be read.
    enum ReadError: Error, CustomStringConvertible {
        /// A call failed; the `Errno` reads like `strerror`.
        case system(Errno)
        /// The path names something other than a regular file (`a directory`, `a FIFO`, …).
        case notRegular(String)
        /// The file is larger than ``largestFile`` bytes.
        case tooLarge

        var description: String {
            switch self {
            case .system(let errno): "cannot read the file: \(errno)"
            case .notRegular(let kind): "not a regular file (\(kind)); a schedule must be a regular file"
            case .tooLarge: "the file is larger than 256 MiB, the most a schedule may be"
            }
        }
    }

    /// The largest schedule file read: 256 MiB.
    static let largestFile = 256 << 20

    /// What `path` names, following symbolic links.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(mode: info.st_mode)
    }

    /// The kind a `st_mode` describes.
    private static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFIFO: .other("a FIFO")
        case S_IFSOCK: .other("a socket")
        case S_IFCHR: .other("a character device")
        case S_IFBLK: .other("a block device")
        default: .other("not a file")
        }
    }

    /// The names in `directory` (without `.` and `..`).
    /// - Throws: the `Errno` of `opendir` when it cannot be listed.
    static func names(in directory: String) throws(Errno) -> [String] {
        guard let stream = opendir(directory) else { throw Errno(rawValue: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The whole content of the regular file at `path`, at most ``largestFile`` bytes.
    ///
    /// The file is opened without blocking (a FIFO with no writer would block forever) and checked with `fstat`
    /// before anything is read, so a FIFO, a device (`/dev/zero`) or a directory is refused without reading it;
    /// the read stops one byte past the limit, should the file grow meanwhile.
    /// - Throws: ``ReadError`` saying what is wrong.
    static func contents(of path: String) throws(ReadError) -> [UInt8] {
        let (descriptor, expected) = try openRegularFile(path)
        defer { try? descriptor.close() }
        // The size fstat gave, and one byte more to see the end, read straight into the result (a large schedule's
        // bytes are not copied from a chunk: 100,000 obligations, 22 MB written once less); a file that grew
        // meanwhile is read on in chunks. (Reading into a string's storage and validating it there, to save the copy
        // `String(validating:)` makes, was slower: the string validates its bytes again.)
        var failure: ReadError?
        var result = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = read(descriptor, into: buffer, failure: &failure)
        }
        if let failure { throw failure }
        guard result.count > expected else { return result }
        guard result.count <= largestFile else { throw .tooLarge }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
            } catch {
                throw .system(error as? Errno ?? .ioError)
            }
            guard count > 0 else { return result }
            guard result.count + count <= largestFile else { throw .tooLarge }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// The regular file at `path`, opened without blocking, and its size; refused when it is not a regular file or
    /// is larger than ``largestFile``.
    private static func openRegularFile(_ path: String) throws(ReadError) -> (FileDescriptor, Int) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec, .nonBlocking])
        } catch {
            throw .system(error as? Errno ?? .ioError)
        }
        var info = stat()
        do throws(ReadError) {
            guard fstat(descriptor.rawValue, &info) == 0 else { throw .system(Errno(rawValue: errno)) }
            if case .other(let name) = kind(mode: info.st_mode) { throw .notRegular(name) }
            guard kind(mode: info.st_mode) == .file else { throw .notRegular("a directory") }
            guard info.st_size <= largestFile else { throw .tooLarge }
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
        failure: inout ReadError?
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
