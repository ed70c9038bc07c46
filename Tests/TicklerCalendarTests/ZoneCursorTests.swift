import Testing
import TicklerCalendar
import TicklerPlatform

@Suite("Zone cursors agree with the zone's rules")
struct ZoneCursorTests {
    @Test(arguments: [
        "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "Europe/Dublin",
        "Africa/Casablanca", "Asia/Ho_Chi_Minh", "UTC", "America/St_Johns",
    ])
    func everyConversionMatches(name: String) throws {
        let zone = try ZoneDatabase.shared.rules(for: name)
        var cursor = ZoneCursor(zone: zone)
        var state: UInt64 = 0x5EED
        func random(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 11) % UInt64(bound))
        }
        // Walks of small steps (as recurrences make) with occasional jumps, 1900–2250, over every kind of day.
        var micros = LocalDateTime(iso: "1900-01-01T00:00")!.localMicroseconds
        let end = LocalDateTime(iso: "2250-01-01T00:00")!.localMicroseconds
        while micros < end {
            let local = LocalDateTime(localMicroseconds: micros)
            #expect(cursor.resolve(local) == zone.resolve(local), "\(name) \(local)")
            let instant = zone.instant(for: local)
            #expect(cursor.offsetSeconds(at: instant) == zone.offsetSeconds(at: instant), "\(name) \(instant)")
            micros += random(100) == 0 ? random(400 * 86_400_000_000) : 1_800_000_000 + random(36 * 3_600_000_000)
        }
    }

    @Test func gapsAndRepeatsAreNotTakenForUniqueTimes() throws {
        let zone = try ZoneDatabase.shared.rules(for: "America/New_York")
        var cursor = ZoneCursor(zone: zone)
        _ = cursor.instant(for: LocalDateTime(iso: "2030-03-09T02:30")!)
        guard case .skipped = cursor.resolve(LocalDateTime(iso: "2030-03-10T02:30")!) else {
            Issue.record("the spring-forward gap was read as a unique time")
            return
        }
        _ = cursor.instant(for: LocalDateTime(iso: "2030-11-02T01:30")!)
        guard case .repeated = cursor.resolve(LocalDateTime(iso: "2030-11-03T01:30")!) else {
            Issue.record("the fall-back hour was read as a unique time")
            return
        }
    }
}
