/// Reads the TZif format of the IANA time zone database (RFC 8536), versions 1 to 4: bytes in, ``ZoneRules`` out.
///
/// The one reader of TZif in Tickler: the offsets, the daylight-saving flag of every transition (which
/// OnCalendar's glibc-compatible conversions need) and the POSIX TZ footer for the years after the last transition.
/// It reads no files; the caller hands it the bytes.
public struct TZifParser {
    /// Why a TZif file could not be read.
    public struct Failure: Error, Hashable, CustomStringConvertible {
        /// What is wrong with the bytes.
        public let reason: String
        public var description: String { "not a valid TZif file: \(reason)" }
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses the bytes of a TZif file into zone rules named `identifier`.
    /// - Throws: ``Failure`` when the bytes are not a complete TZif file.
    public static func parse(_ bytes: [UInt8], identifier: String) throws(Failure) -> ZoneRules {
        var parser = TZifParser(bytes: bytes)
        let first = try parser.header()
        guard first.version >= 2 else {
            let block = try parser.dataBlock(first, timeSize: 4)
            return block.rules(identifier: identifier, footer: nil)
        }
        // Skip the version-1 block; the 64-bit block that follows supersedes it.
        parser.position += first.v1BlockSize
        let second = try parser.header()
        let block = try parser.dataBlock(second, timeSize: 8)
        return block.rules(identifier: identifier, footer: parser.footer())
    }

    private struct Header {
        let version: Int
        let isUTCCount, isStandardCount, leapCount, timeCount, typeCount, charCount: Int

        var v1BlockSize: Int {
            timeCount * 5 + typeCount * 6 + charCount + leapCount * 8 + isStandardCount + isUTCCount
        }
    }

    private struct DataBlock {
        let times: [Int64]
        let typeIndices: [Int]
        let offsets: [Int32]
        let isDaylight: [Bool]

        func rules(identifier: String, footer: PosixZoneRule?) -> ZoneRules {
            // Before the first transition the first standard-time type applies (RFC 8536 §3.2: type 0).
            let initial = offsets.first ?? footer?.standardOffset ?? 0
            let daylightSaving = DaylightSavingFlags(
                times: times,
                flags: typeIndices.map { isDaylight[$0] },
                initial: isDaylight.first ?? false,
                footerDaylightOffset: footer?.daylight.map { Int($0.offset) }
            )
            return ZoneRules(
                identifier: identifier,
                transitionTimes: times,
                offsetsAfter: typeIndices.map { offsets[$0] },
                initialOffset: initial,
                footer: footer,
                daylightSaving: daylightSaving
            )
        }
    }

    private mutating func header() throws(Failure) -> Header {
        guard position + 44 <= bytes.count, bytes[position..<position + 4].elementsEqual("TZif".utf8) else {
            throw Failure(reason: "missing TZif header")
        }
        let versionByte = bytes[position + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - 0x30
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(Int(readUInt32())) }
        return Header(
            version: version,
            isUTCCount: counts[0],
            isStandardCount: counts[1],
            leapCount: counts[2],
            timeCount: counts[3],
            typeCount: counts[4],
            charCount: counts[5]
        )
    }

    private mutating func dataBlock(_ header: Header, timeSize: Int) throws(Failure) -> DataBlock {
        let size =
            header.timeCount * (timeSize + 1) + header.typeCount * 6 + header.charCount
            + header.leapCount * (timeSize + 4) + header.isStandardCount + header.isUTCCount
        guard position + size <= bytes.count, header.typeCount > 0 else { throw Failure(reason: "truncated data") }
        var times: [Int64] = []
        times.reserveCapacity(header.timeCount)
        for _ in 0..<header.timeCount {
            times.append(timeSize == 8 ? Int64(bitPattern: readUInt64()) : Int64(Int32(bitPattern: readUInt32())))
        }
        var indices: [Int] = []
        for _ in 0..<header.timeCount {
            let index = Int(bytes[position])
            position += 1
            guard index < header.typeCount else { throw Failure(reason: "transition type out of range") }
            indices.append(index)
        }
        var offsets: [Int32] = []
        var daylight: [Bool] = []
        for _ in 0..<header.typeCount {
            offsets.append(Int32(bitPattern: readUInt32()))
            daylight.append(bytes[position] != 0)
            position += 2
        }
        position += header.charCount + header.leapCount * (timeSize + 4) + header.isStandardCount + header.isUTCCount
        return DataBlock(times: times, typeIndices: indices, offsets: offsets, isDaylight: daylight)
    }

    /// The POSIX TZ string between the two newlines that end a version 2+ file.
    private func footer() -> PosixZoneRule? {
        guard position < bytes.count, bytes[position] == 0x0A else { return nil }
        guard let end = bytes[(position + 1)...].firstIndex(of: 0x0A) else { return nil }
        return PosixZoneRule(String(decoding: bytes[(position + 1)..<end], as: UTF8.self))
    }

    private mutating func readUInt32() -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 8 | UInt32(bytes[position + offset]) }
        position += 4
        return value
    }

    private mutating func readUInt64() -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<8 { value = value << 8 | UInt64(bytes[position + offset]) }
        position += 8
        return value
    }
}
