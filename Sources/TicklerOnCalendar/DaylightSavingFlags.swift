import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which periods of a zone the time-zone database flags as daylight-saving time (`tm_isdst`).
///
/// glibc's `mktime` decides on these flags, not on offsets, which way a wall-clock time in a gap goes; they differ
/// from "the larger offset" in zones with negative daylight saving (Europe/Dublin's winter GMT, Morocco's Ramadan
/// time). ``ZoneRules`` keeps offsets only, so the flags are read here from the zone's TZif file.
struct DaylightSavingFlags: Sendable {
    /// UTC seconds of the transitions, increasing.
    private let times: [Int64]
    /// Whether the period that starts at each transition is daylight-saving time.
    private let flags: [Bool]
    /// The flag before the first transition.
    private let initial: Bool
    /// The daylight-saving offset of the POSIX rule for times after the last transition, when it has one.
    private let footerDaylightOffset: Int?

    /// The flag in force at `utc` seconds, when the offset there is `offset`.
    func isDaylight(atUTCSeconds utc: Int64, offset: Int) -> Bool {
        if let last = times.last, utc >= last, let footerDaylightOffset { return offset == footerDaylightOffset }
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= utc { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initial : flags[low - 1]
    }

    /// Flags by zone name; nil for a name without a readable file, so that it is not looked for again.
    private static let cache = Mutex<[String: DaylightSavingFlags?]>([:])

    /// The flags of the zone named `identifier` (`localtime` is /etc/localtime), or nil when its file is not there.
    static func load(identifier: String) -> DaylightSavingFlags? {
        if let cached = cache.withLock({ $0[identifier] }) { return cached }
        let directory = getenv("TZDIR").map { String(cString: $0) } ?? "/usr/share/zoneinfo"
        let path = identifier == "localtime" ? "/etc/localtime" : directory + "/" + identifier
        let flags = identifier.contains("..") ? nil : readFile(path).flatMap(parse)
        cache.withLock { $0[identifier] = .some(flags) }
        return flags
    }

    /// Reads the transitions, their types' flags and the footer of a TZif file (RFC 8536).
    static func parse(_ bytes: [UInt8]) -> DaylightSavingFlags? {
        func count(_ at: Int, _ field: Int) -> Int { Int(bigEndian(bytes, at + 20 + 4 * field, 4)) }
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        var start = 0
        var timeSize = 4
        if bytes[4] >= UInt8(ascii: "2") {
            let skip = count(0, 3) * 5 + count(0, 4) * 6 + count(0, 5) + count(0, 2) * 8 + count(0, 1) + count(0, 0)
            start = 44 + skip
            timeSize = 8
        }
        guard start + 44 <= bytes.count else { return nil }
        let timeCount = count(start, 3)
        let typeCount = count(start, 4)
        var position = start + 44
        let typesAt = position + timeCount * timeSize
        let infoAt = typesAt + timeCount
        guard infoAt + typeCount * 6 <= bytes.count, typeCount > 0 else { return nil }
        var times: [Int64] = []
        var flags: [Bool] = []
        for index in 0..<timeCount {
            let raw = bigEndian(bytes, position, timeSize)
            times.append(timeSize == 4 ? Int64(Int32(truncatingIfNeeded: raw)) : Int64(bitPattern: raw))
            position += timeSize
            let type = min(Int(bytes[typesAt + index]), typeCount - 1)
            flags.append(bytes[infoAt + type * 6 + 4] != 0)
        }
        var footer: Int?
        if timeSize == 8 {
            let blockEnd =
                infoAt + typeCount * 6 + count(start, 5) + count(start, 2) * 12 + count(start, 1)
                + count(start, 0)
            if blockEnd + 1 < bytes.count, bytes[blockEnd] == UInt8(ascii: "\n") {
                let text = bytes[(blockEnd + 1)...].prefix { $0 != UInt8(ascii: "\n") }
                footer = daylightOffset(ofPosixRule: Array(text))
            }
        }
        return DaylightSavingFlags(
            times: times,
            flags: flags,
            initial: bytes[infoAt + 4] != 0,
            footerDaylightOffset: footer
        )
    }

    /// The daylight-saving offset (seconds east) of a POSIX TZ rule such as `IST-1GMT0,M10.5.0,M3.5.0/1`.
    static func daylightOffset(ofPosixRule rule: [UInt8]) -> Int? {
        var position = 0
        func name() -> Bool {
            let begin = position
            if position < rule.count, rule[position] == UInt8(ascii: "<") {
                while position < rule.count, rule[position] != UInt8(ascii: ">") { position += 1 }
                position += 1
            } else {
                while position < rule.count, rule[position] | 0x20 >= 0x61, rule[position] | 0x20 <= 0x7A {
                    position += 1
                }
            }
            return position > begin
        }
        func offset() -> Int? {
            var sign = 1
            if position < rule.count, rule[position] == UInt8(ascii: "+") || rule[position] == UInt8(ascii: "-") {
                sign = rule[position] == UInt8(ascii: "-") ? -1 : 1
                position += 1
            }
            var parts: [Int] = []
            while parts.count < 3 {
                var value = 0
                var digits = 0
                while position < rule.count, rule[position] >= 0x30, rule[position] <= 0x39 {
                    value = value * 10 + Int(rule[position] - 0x30)
                    position += 1
                    digits += 1
                }
                guard digits > 0 else { break }
                parts.append(value)
                guard position < rule.count, rule[position] == UInt8(ascii: ":") else { break }
                position += 1
            }
            guard let hours = parts.first else { return nil }
            let seconds = hours * 3600 + (parts.count > 1 ? parts[1] * 60 : 0) + (parts.count > 2 ? parts[2] : 0)
            return -sign * seconds  // POSIX counts west of Greenwich as positive
        }
        guard name(), let standard = offset(), position < rule.count, rule[position] != UInt8(ascii: ","), name()
        else { return nil }
        if position < rule.count, rule[position] != UInt8(ascii: ","), let daylight = offset() { return daylight }
        return standard + 3600
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in at..<at + size { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0, result.count < 1 << 20 else { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}
