import Testing
import TicklerCalendar

@testable import TicklerOnCalendar

@Suite("Daylight-saving flags from TZif files")
struct DaylightSavingFlagsTests {
    static let footers: [(String, Int?)] = [
        ("EST5EDT,M3.2.0,M11.1.0", -14_400),
        ("IST-1GMT0,M10.5.0,M3.5.0/1", 0),
        ("<+07>-7", nil),
        ("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", -7_200),
        ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", 39_600),
        ("CET-1CEST,M3.5.0,M10.5.0/3", 7_200),
    ]

    @Test(arguments: footers)
    func daylightOffsetOfAPosixRule(_ rule: String, _ offset: Int?) {
        #expect(DaylightSavingFlags.daylightOffset(ofPosixRule: Array(rule.utf8)) == offset)
    }

    @Test func dublinFlagsWinterAsDaylightSaving() throws {
        let flags = try #require(DaylightSavingFlags.load(identifier: "Europe/Dublin"))
        let january = ZonedDateTime(iso: "2021-01-15T12:00:00Z")!.instant.secondsSinceEpoch
        let july = ZonedDateTime(iso: "2021-07-15T12:00:00Z")!.instant.secondsSinceEpoch
        #expect(flags.isDaylight(atUTCSeconds: january, offset: 0))
        #expect(!flags.isDaylight(atUTCSeconds: july, offset: 3600))
        // Past the last transition the POSIX rule decides.
        let future = ZonedDateTime(iso: "2090-01-15T12:00:00Z")!.instant.secondsSinceEpoch
        #expect(flags.isDaylight(atUTCSeconds: future, offset: 0))
    }

    @Test func newYorkFlagsSummer() throws {
        let flags = try #require(DaylightSavingFlags.load(identifier: "America/New_York"))
        let july = ZonedDateTime(iso: "2021-07-15T12:00:00Z")!.instant.secondsSinceEpoch
        #expect(flags.isDaylight(atUTCSeconds: july, offset: -14_400))
        #expect(!flags.isDaylight(atUTCSeconds: july - 180 * 86_400, offset: -18_000))
        #expect(DaylightSavingFlags.load(identifier: "No/Such_Zone") == nil)
    }
}
