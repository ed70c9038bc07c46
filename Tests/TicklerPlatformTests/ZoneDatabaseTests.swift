import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("The file-backed zone database")
struct ZoneDatabaseTests {
    @Test func readsZonesFromItsDirectoryAndTheSystemZoneFromTheLink() throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        defer { zoneInfo.remove() }
        let database = zoneInfo.database()
        #expect(database.systemZoneName() == "Asia/Ho_Chi_Minh")
        #expect(database.systemRules().identifier == "Asia/Ho_Chi_Minh")
        let berlin = try database.rules(for: "Europe/Berlin")
        #expect(berlin == (try ZoneDatabase.shared.rules(for: "Europe/Berlin")))
        // Only what is in the directory: the real database has Asia/Tokyo, this one does not.
        #expect(throws: UnknownTimeZone.self) { try database.rules(for: "Asia/Tokyo") }
        #expect(
            database.filesInUse == [
                zoneInfo.localtime, zoneInfo.root + "/etc/timezone", zoneInfo.directory + "/Asia/Ho_Chi_Minh",
                zoneInfo.directory + "/Europe/Berlin",
            ]
        )
    }

    @Test(arguments: ["Mars/Olympus_Mons", "../etc/passwd", "", "/etc/localtime", "Asia/../../etc/passwd"])
    func unknownOrMalformedNamesAreRejected(name: String) {
        #expect(throws: UnknownTimeZone.self) { try ZoneDatabase.shared.rules(for: name) }
    }

    @Test func utcNeedsNoFile() throws {
        let database = ZoneDatabase(
            directory: "/nonexistent",
            localtime: "/nonexistent/localtime",
            timezoneFile: "/nonexistent/timezone"
        )
        #expect(try database.rules(for: "UTC") == .utc)
        #expect(database.systemRules() == .utc)
        #expect(database.systemZoneName() == nil)
    }

    @Test func theTimeZoneVariableWinsOverTheLink() {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        defer { zoneInfo.remove() }
        let database = ZoneDatabase(
            directory: zoneInfo.directory,
            localtime: zoneInfo.localtime,
            timeZoneVariable: ":Europe/Berlin"
        )
        #expect(database.systemRules().identifier == "Europe/Berlin")
    }

    @Test func aLocaltimeFileThatIsNoLinkIsReadItself() throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Europe/Dublin"], systemZone: "Europe/Dublin")
        defer { zoneInfo.remove() }
        unlink(zoneInfo.localtime)
        #expect(link(zoneInfo.directory + "/Europe/Dublin", zoneInfo.localtime) == 0)
        let rules = zoneInfo.database().systemRules()
        #expect(rules.identifier == "localtime")
        let dublin = try ZoneDatabase.shared.rules(for: "Europe/Dublin")
        let january = try #require(ZonedDateTime(iso: "2021-01-15T12:00:00Z")).instant
        #expect(rules.offsetSeconds(at: january) == dublin.offsetSeconds(at: january))
        #expect(rules.daylightSaving == dublin.daylightSaving)
    }

    @Test func aChangedLinkIsSeenAtTheNextRefresh() throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        defer { zoneInfo.remove() }
        let database = zoneInfo.database()
        #expect(database.systemRules().identifier == "Asia/Ho_Chi_Minh")
        #expect(database.refresh() == nil)
        zoneInfo.setSystemZone("Europe/Berlin")
        let change = try #require(database.refresh())
        #expect(change.previousSystemZone == "Asia/Ho_Chi_Minh")
        #expect(change.systemZone == "Europe/Berlin")
        #expect(change.updatedZones == [])
        #expect(change.description == "system time zone changed from Asia/Ho_Chi_Minh to Europe/Berlin")
        #expect(database.systemRules().identifier == "Europe/Berlin")
        #expect(database.refresh() == nil)
    }

    @Test func newRulesForAZoneInUseAreSeenAtTheNextRefresh() throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        defer { zoneInfo.remove() }
        let database = zoneInfo.database()
        let summer = try #require(ZonedDateTime(iso: "2030-07-01T12:00:00Z")).instant
        #expect(try database.rules(for: "Europe/Berlin").offsetSeconds(at: summer) == 7200)
        _ = database.systemRules()
        // A tzdata update that gave Berlin Moscow's rules.
        zoneInfo.install("Europe/Berlin", from: "Europe/Moscow")
        #expect(try database.rules(for: "Europe/Berlin").offsetSeconds(at: summer) == 7200, "cached until refreshed")
        let change = try #require(database.refresh())
        #expect(change.updatedZones == ["Europe/Berlin"])
        #expect(change.description == "new rules for Europe/Berlin")
        #expect(try database.rules(for: "Europe/Berlin").offsetSeconds(at: summer) == 3 * 3600)
    }

    @Test func aZoneFileGoneAndBackCountsAsChangedBothTimes() throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        defer { zoneInfo.remove() }
        let database = zoneInfo.database()
        _ = try database.rules(for: "Europe/Berlin")
        _ = database.systemRules()
        unlink(zoneInfo.directory + "/Europe/Berlin")
        #expect(database.refresh()?.updatedZones == ["Europe/Berlin"])
        #expect(throws: UnknownTimeZone.self) { try database.rules(for: "Europe/Berlin") }
        #expect(database.filesInUse.contains(zoneInfo.directory + "/Europe/Berlin"), "still watched")
        zoneInfo.install("Europe/Berlin", from: "Europe/Berlin")
        #expect(database.refresh()?.updatedZones == ["Europe/Berlin"])
        #expect(database.refresh() == nil)
    }

    @Test func aFifoOrADirectoryIsNeverReadAsAZone() throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["UTC"], systemZone: "UTC")
        defer { zoneInfo.remove() }
        #expect(mkfifo(zoneInfo.directory + "/Fifo", 0o644) == 0)
        mkdir(zoneInfo.directory + "/Folder", 0o755)
        let database = zoneInfo.database()
        #expect(throws: UnknownTimeZone.self) { try database.rules(for: "Fifo") }
        #expect(throws: UnknownTimeZone.self) { try database.rules(for: "Folder") }
        #expect(RegularFile.contents(of: zoneInfo.directory + "/Fifo", limit: 100) == nil)
        #expect(RegularFile.contents(of: zoneInfo.directory + "/UTC", limit: 10) == nil, "larger than the limit")
        #expect(
            RegularFile.contents(of: zoneInfo.directory + "/UTC", limit: 1 << 20)?.prefix(4) == Array("TZif".utf8)[...]
        )
    }

    @Test func theWallClockReadsTheRealTimeClock() {
        let before = Int64(time(nil))
        let now = Instant.now().secondsSinceEpoch
        let after = Int64(time(nil))
        #expect(now >= before - 1 && now <= after + 1)
    }
}
