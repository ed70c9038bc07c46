import Synchronization
public import TicklerCalendar

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The system's IANA time zone database, read from its files: the file-backed ``ZoneSource``.
///
/// Zones come from `/usr/share/zoneinfo` (or `$TZDIR`), each read by the one ``TZifParser`` and cached; the system
/// zone is `$TZ`, else the zone `/etc/localtime` points to, else `/etc/timezone`, else the TZif file
/// `/etc/localtime` itself, else UTC. ``refresh()`` forgets what was read and tells what changed, so a daemon can
/// follow `timedatectl set-timezone` and tzdata updates; ``filesInUse`` names the files to watch for that.
public final class ZoneDatabase: ZoneSource {
    /// The process-wide database: `$TZDIR` (else `/usr/share/zoneinfo`), `$TZ`, `/etc/localtime`, `/etc/timezone`.
    public static let shared = ZoneDatabase(
        directory: environment("TZDIR") ?? "/usr/share/zoneinfo",
        timeZoneVariable: environment("TZ")
    )

    /// The largest zone file read; real ones are a few KiB.
    static let maximumFileSize = 1 << 20

    /// The zoneinfo directory.
    public let directory: String
    /// The system zone's link or TZif file, `/etc/localtime`.
    public let localtime: String
    /// The file naming the system zone on older systems, `/etc/timezone`.
    public let timezoneFile: String
    /// The value of `$TZ`, which names the system zone when set and not empty.
    public let timeZoneVariable: String?

    /// What has been read so far.
    private struct State {
        /// Rules by zone name.
        var cache: [String: ZoneRules] = [:]
        /// Names that were in use but could not be read again at the last refresh.
        var missing: Set<String> = []
        /// The system zone as last answered.
        var system: ZoneRules?
    }

    private let state = Mutex(State())

    /// A database reading `directory`, with the system zone from `timeZoneVariable`, `localtime` and
    /// `timezoneFile` (tests point these into a temporary directory).
    public init(
        directory: String = "/usr/share/zoneinfo",
        localtime: String = "/etc/localtime",
        timezoneFile: String = "/etc/timezone",
        timeZoneVariable: String? = nil
    ) {
        self.directory = directory
        self.localtime = localtime
        self.timezoneFile = timezoneFile
        self.timeZoneVariable = timeZoneVariable
    }

    /// The rules of the IANA zone `identifier` (`Asia/Ho_Chi_Minh`, `UTC`).
    /// - Throws: ``UnknownTimeZone`` when the name is malformed or the database has no such zone.
    public func rules(for identifier: String) throws(UnknownTimeZone) -> ZoneRules {
        if let cached = state.withLock({ $0.cache[identifier] }) { return cached }
        guard let rules = read(identifier) else { throw UnknownTimeZone(identifier: identifier) }
        state.withLock { $0.cache[identifier] = rules }
        return rules
    }

    /// The system's zone: `$TZ`, else the zone `localtime` points to, else `timezoneFile`, else the TZif file
    /// `localtime` itself, else UTC.
    public func systemRules() -> ZoneRules {
        let rules = resolveSystemRules()
        state.withLock { $0.system = rules }
        return rules
    }

    /// The IANA name of the system zone, when it can be told.
    public func systemZoneName() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink(localtime, &buffer, buffer.count - 1)
        if length > 0 {
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let range = target.firstRange(of: "zoneinfo/") { return String(target[range.upperBound...]) }
        }
        if let bytes = RegularFile.contents(of: timezoneFile, limit: 4096) {
            let name = String(decoding: bytes, as: UTF8.self).trimming(" \n\t")
            if !name.isEmpty { return name }
        }
        return nil
    }

    /// The files whose change would change the answers given so far: `localtime`, `timezoneFile` and the file of
    /// every zone read.
    public var filesInUse: [String] {
        let names = state.withLock { Array($0.cache.keys) + Array($0.missing) }
        return [localtime, timezoneFile] + names.sorted().map { directory + "/" + $0 }
    }

    /// Forgets every rule read, reads the zones in use and the system zone again, and tells what changed.
    ///
    /// A zone that cannot be read any more counts as changed, and again once it can be read: a refresh in the
    /// middle of a tzdata update is followed by one that sees its end.
    /// - Returns: what changed, or nil when every zone in use has the same rules as before.
    public func refresh() -> ZoneRulesChange? {
        let (old, missing, oldSystem) = state.withLock { state in
            defer {
                state.cache = [:]
                state.missing = []
            }
            return (state.cache, state.missing, state.system)
        }
        var updated: [String] = []
        for name in Set(old.keys).union(missing).sorted() {
            let fresh = try? rules(for: name)
            if fresh == nil { state.withLock { _ = $0.missing.insert(name) } }
            if fresh != old[name] { updated.append(name) }
        }
        let newSystem = systemRules()
        let systemChanged = oldSystem.map { $0 != newSystem } ?? false
        // Same name, other rules, and not among the zones compared above: `/etc/localtime` as a copied file.
        if systemChanged, oldSystem?.identifier == newSystem.identifier, !updated.contains(newSystem.identifier) {
            updated.append(newSystem.identifier)
        }
        guard systemChanged || !updated.isEmpty else { return nil }
        return ZoneRulesChange(
            previousSystemZone: oldSystem?.identifier ?? newSystem.identifier,
            systemZone: newSystem.identifier,
            updatedZones: updated
        )
    }

    private func resolveSystemRules() -> ZoneRules {
        if let tz = timeZoneVariable, !tz.isEmpty {
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if let rules = try? rules(for: name) { return rules }
        }
        if let name = systemZoneName(), let rules = try? rules(for: name) { return rules }
        if let bytes = RegularFile.contents(of: localtime, limit: Self.maximumFileSize),
            let rules = try? TZifParser.parse(bytes, identifier: "localtime")
        {
            return rules
        }
        return .utc
    }

    /// The rules in the file of `identifier`; UTC without a file; nil when there is neither.
    private func read(_ identifier: String) -> ZoneRules? {
        guard Self.isWellFormed(identifier) else { return nil }
        if let bytes = RegularFile.contents(of: directory + "/" + identifier, limit: Self.maximumFileSize),
            let parsed = try? TZifParser.parse(bytes, identifier: identifier)
        {
            return parsed
        }
        return identifier == "UTC" || identifier == "Etc/UTC" ? .utc : nil
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

    /// The value of the environment variable `name`, read once for ``shared``.
    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimming(_ set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
