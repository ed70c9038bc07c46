import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and caches time zone rules from the system's IANA database (`/usr/share/zoneinfo`, or `$TZDIR`).
public final class ZoneDatabase: Sendable {
    /// The process-wide database.
    public static let shared = ZoneDatabase()

    private let directory: String
    private let cache = Mutex<[String: ZoneRules]>([:])

    /// A database rooted at `directory` (default: `$TZDIR`, else `/usr/share/zoneinfo`).
    public init(directory: String? = nil) {
        self.directory = directory ?? Self.environment("TZDIR") ?? "/usr/share/zoneinfo"
    }

    /// The rules of the IANA zone `identifier` (`Asia/Ho_Chi_Minh`, `UTC`).
    /// - Throws: ``UnknownTimeZone`` when the name is malformed or the database has no such zone.
    public func rules(for identifier: String) throws(UnknownTimeZone) -> ZoneRules {
        if let cached = cache.withLock({ $0[identifier] }) { return cached }
        guard Self.isWellFormed(identifier) else { throw UnknownTimeZone(identifier: identifier) }
        let rules: ZoneRules
        if let bytes = Self.readFile(directory + "/" + identifier),
            let parsed = try? TZifParser.parse(bytes, identifier: identifier)
        {
            rules = parsed
        } else if identifier == "UTC" || identifier == "Etc/UTC" {
            rules = .utc
        } else {
            throw UnknownTimeZone(identifier: identifier)
        }
        cache.withLock { $0[identifier] = rules }
        return rules
    }

    /// The system's zone: `$TZ`, else the zone `/etc/localtime` points to, else `/etc/timezone`, else UTC.
    public func systemRules() -> ZoneRules {
        if let tz = Self.environment("TZ"), !tz.isEmpty {
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if let rules = try? rules(for: name) { return rules }
        }
        if let name = systemZoneName(), let rules = try? rules(for: name) { return rules }
        if let bytes = Self.readFile("/etc/localtime"),
            let rules = try? TZifParser.parse(bytes, identifier: "localtime")
        {
            return rules
        }
        return .utc
    }

    /// The IANA name of the system zone, when it can be told.
    public func systemZoneName() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        if length > 0 {
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let range = target.firstRange(of: "zoneinfo/") { return String(target[range.upperBound...]) }
        }
        if let bytes = Self.readFile("/etc/timezone") {
            let name = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " \n\t")
            if !name.isEmpty { return name }
        }
        return nil
    }

    /// A zone name is relative, has no `..` part and only the characters IANA names use.
    static func isWellFormed(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), identifier.utf8.count < 256 else { return false }
        let allowed = identifier.utf8.allSatisfy { byte in
            (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
                || "/_+-".utf8.contains(byte)
        }
        return allowed && !identifier.split(separator: "/").contains("..")
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// The whole content of a regular file, or nil.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
