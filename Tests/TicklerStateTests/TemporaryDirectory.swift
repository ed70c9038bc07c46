#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A fresh directory under /tmp, removed with its contents by ``remove()``.
struct TemporaryDirectory {
    /// The directory's path.
    let path: String

    /// Creates a new empty directory.
    init() {
        var template = Array("/tmp/tickler-state-tests.XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed: \(String(cString: strerror(errno)))")
        path = String(cString: created!)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` (relative to the directory), creating parent directories.
    func write(_ text: String, to name: String) {
        var prefix = path
        for component in name.split(separator: "/").dropLast() {
            prefix += "/" + component
            mkdir(prefix, 0o755)
        }
        let file = fopen(self.file(name), "w")!
        fputs(text, file)
        fclose(file)
    }

    /// Writes `bytes` to `name` (relative to the directory), replacing it.
    func write(bytes: [UInt8], to name: String) {
        let file = fopen(self.file(name), "w")!
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }

    /// The bytes of `path`, or nil when it cannot be read.
    static func bytes(of path: String) -> [UInt8]? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            result += buffer[..<count]
        }
        return result
    }

    /// Copies the file at `source` to `name` inside the directory.
    func copy(_ source: String, to name: String) {
        write(bytes: Self.bytes(of: source)!, to: name)
    }

    /// Whether `name` exists inside the directory.
    func exists(_ name: String) -> Bool { access(file(name), F_OK) == 0 }

    /// The names inside the directory, sorted.
    func names() -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { result.append(name) }
        }
        return result.sorted()
    }

    /// Deletes the directory tree.
    func remove() {
        removeTree(path)
    }

    private func removeTree(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                removeTree(path + "/" + name)
            }
            closedir(directory)
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
