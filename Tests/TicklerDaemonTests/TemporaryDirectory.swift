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
        var template = Array("/tmp/tickler-daemon-tests.XXXXXX".utf8CString)
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
