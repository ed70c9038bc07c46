import SystemPackage
import TicklerPlatform

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
        default: .other(RegularFile.kindName(mode: UInt32(mode)))
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

    /// The whole content of the regular file at `path`, at most ``largestFile`` bytes, read as
    /// `RegularFile.read(_:limit:)` reads (without blocking; a FIFO, a device or a directory refused unread).
    /// - Throws: ``ReadError`` saying what is wrong.
    static func contents(of path: String) throws(ReadError) -> [UInt8] {
        do {
            return try RegularFile.read(path, limit: largestFile)
        } catch {
            switch error {
            case .system(let errno): throw .system(errno)
            case .notRegular(let kind): throw .notRegular(kind)
            case .tooLarge: throw .tooLarge
            }
        }
    }
}
