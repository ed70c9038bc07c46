import Testing
import TicklerPlatform

@testable import TicklerCalendar

@Suite("The TZif parser: offsets, daylight-saving flags and the POSIX footer")
struct TZifParserTests {
    /// The bytes of the system's file for `zone`.
    static func file(_ zone: String) throws -> [UInt8] {
        try #require(RegularFile.contents(of: "/usr/share/zoneinfo/" + zone, limit: 1 << 20))
    }

    /// Seconds since the epoch of an ISO 8601 instant.
    static func seconds(_ iso: String) -> Int64 { ZonedDateTime(iso: iso)!.instant.secondsSinceEpoch }

    static let footers: [(String, Int32?)] = [
        ("EST5EDT,M3.2.0,M11.1.0", -14_400),
        ("IST-1GMT0,M10.5.0,M3.5.0/1", 0),
        ("<+07>-7", nil),
        ("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", -7_200),
        ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", 39_600),
        ("CET-1CEST,M3.5.0,M10.5.0/3", 7_200),
    ]

    @Test(arguments: footers)
    func daylightOffsetOfAPosixRule(_ rule: String, _ offset: Int32?) throws {
        let parsed = try #require(PosixZoneRule(rule))
        #expect(parsed.daylight?.offset == offset)
    }

    @Test("rules read twice from the same file are equal and hash alike; other zones and offsets are not equal")
    func equalityComparesTheRulesNotTheirStorage() throws {
        let bytes = try Self.file("America/New_York")
        let first = try TZifParser.parse(bytes, identifier: "America/New_York")
        let second = try TZifParser.parse(bytes, identifier: "America/New_York")
        #expect(first == second && first.hashValue == second.hashValue)
        #expect(first == (try ZoneDatabase.shared.rules(for: "America/New_York")))
        #expect(first != (try TZifParser.parse(bytes, identifier: "US/Eastern")))
        #expect(ZoneRules.fixed(offsetSeconds: 3600) == ZoneRules.fixed(offsetSeconds: 3600))
        #expect(ZoneRules.fixed(offsetSeconds: 3600) != ZoneRules.fixed(offsetSeconds: 7200, identifier: "+01:00"))
        #expect(Set([first, second, .utc]).count == 2)
    }

    @Test func dublinFlagsWinterAsDaylightSaving() throws {
        let rules = try TZifParser.parse(Self.file("Europe/Dublin"), identifier: "Europe/Dublin")
        let flags = try #require(rules.daylightSaving)
        #expect(flags.isDaylight(atUTCSeconds: Self.seconds("2021-01-15T12:00:00Z"), offset: 0))
        #expect(!flags.isDaylight(atUTCSeconds: Self.seconds("2021-07-15T12:00:00Z"), offset: 3600))
        // Past the last transition the POSIX rule decides.
        #expect(flags.isDaylight(atUTCSeconds: Self.seconds("2090-01-15T12:00:00Z"), offset: 0))
        #expect(!flags.isDaylight(atUTCSeconds: Self.seconds("2090-07-15T12:00:00Z"), offset: 3600))
    }

    @Test func newYorkFlagsSummer() throws {
        let rules = try TZifParser.parse(Self.file("America/New_York"), identifier: "America/New_York")
        let flags = try #require(rules.daylightSaving)
        let july = Self.seconds("2021-07-15T12:00:00Z")
        #expect(flags.isDaylight(atUTCSeconds: july, offset: -14_400))
        #expect(!flags.isDaylight(atUTCSeconds: july - 180 * 86_400, offset: -18_000))
        #expect(rules.offsetSeconds(at: Instant(secondsSinceEpoch: july)) == -14_400)
    }

    @Test func rulesMadeFromAnOffsetCarryNoFlags() {
        #expect(ZoneRules.utc.daylightSaving == nil)
        #expect(ZoneRules.fixed(offsetSeconds: 7 * 3600).daylightSaving == nil)
    }

    /// A version-1 file of two transitions: +01 (standard) from 1990, +02 (daylight) from 2000, back in 2001.
    static let versionOne: [UInt8] = {
        func be32(_ value: Int32) -> [UInt8] {
            let bits = UInt32(bitPattern: value)
            return [UInt8(bits >> 24), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF)]
        }
        var bytes = Array("TZif".utf8) + [0] + [UInt8](repeating: 0, count: 15)
        // isut, isstd, leap, time, type, char counts.
        for count: Int32 in [0, 0, 0, 3, 2, 4] { bytes += be32(count) }
        bytes += be32(631_152_000) + be32(946_684_800) + be32(978_307_200)
        bytes += [0, 1, 0]
        bytes += be32(3600) + [0, 0] + be32(7200) + [1, 0]
        bytes += Array("AB\0\0".utf8)
        return bytes
    }()

    @Test func readsVersionOneFiles() throws {
        let rules = try TZifParser.parse(Self.versionOne, identifier: "Test/One")
        #expect(rules.offsetSeconds(at: Instant(secondsSinceEpoch: 946_684_800)) == 7200)
        #expect(rules.offsetSeconds(at: Instant(secondsSinceEpoch: 978_307_200)) == 3600)
        #expect(rules.offsetSeconds(at: Instant(secondsSinceEpoch: 0)) == 3600)
        let flags = try #require(rules.daylightSaving)
        #expect(flags.isDaylight(atUTCSeconds: 950_000_000, offset: 7200))
        #expect(!flags.isDaylight(atUTCSeconds: 980_000_000, offset: 3600))
        #expect(!flags.isDaylight(atUTCSeconds: 0, offset: 3600))
    }

    @Test func refusesTruncatedAndForeignBytes() throws {
        let real = try Self.file("Europe/Berlin")
        for length in [0, 4, 43, 44, 100, real.count / 2] {
            #expect(throws: TZifParser.Failure.self) {
                try TZifParser.parse(Array(real.prefix(length)), identifier: "x")
            }
        }
        var badType = Self.versionOne
        badType[44 + 12] = 9  // the first transition's type index, past the two types
        #expect(throws: TZifParser.Failure.self) { try TZifParser.parse(badType, identifier: "x") }
        #expect(throws: TZifParser.Failure.self) {
            try TZifParser.parse(Array("not a zone file".utf8), identifier: "x")
        }
    }
}
