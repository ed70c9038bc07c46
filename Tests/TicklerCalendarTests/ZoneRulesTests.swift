import Testing
import TicklerCalendar
import TicklerPlatform

@Suite("Time zones from the IANA database")
struct ZoneRulesTests {
    let newYork = try! ZoneDatabase.shared.rules(for: "America/New_York")

    @Test func vietnamIsSevenHoursAheadWithoutDaylightSaving() throws {
        let zone = try ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh")
        let instant = zone.instant(for: LocalDateTime(iso: "2027-01-27T08:00")!)
        #expect(zone.zoned(instant).description == "2027-01-27T08:00:00+07:00")
        #expect(instant.description == "2027-01-27T01:00:00+00:00")
    }

    @Test func springForwardGapTakesTheOffsetFromBeforeTheGap() {
        // 2026-03-08 02:30 does not exist in New York; RFC 5545 §3.3.5 reads it as 03:30 EDT.
        let local = LocalDateTime(iso: "2026-03-08T02:30")!
        #expect(newYork.zoned(newYork.instant(for: local)).description == "2026-03-08T03:30:00-04:00")
        guard case .skipped = newYork.resolve(local) else {
            Issue.record("expected a gap")
            return
        }
    }

    @Test func fallBackRepeatTakesTheFirstOfTheTwo() {
        let local = LocalDateTime(iso: "2026-11-01T01:30")!
        #expect(newYork.zoned(newYork.instant(for: local)).description == "2026-11-01T01:30:00-04:00")
        guard case .repeated(let first, let second) = newYork.resolve(local) else {
            Issue.record("expected a repeated time")
            return
        }
        #expect(second.microseconds(since: first) == 3_600_000_000)
    }

    @Test(arguments: [
        ("2150-07-01T12:00", "2150-07-01T12:00:00-04:00"),
        ("2150-01-01T12:00", "2150-01-01T12:00:00-05:00"),
        ("1960-07-01T12:00", "1960-07-01T12:00:00-04:00"),
    ])
    func footerRuleAndHistoricTransitions(local: String, expected: String) {
        #expect(newYork.zoned(newYork.instant(for: LocalDateTime(iso: local)!)).description == expected)
    }

    @Test func southernHemisphereDaylightSpansNewYear() throws {
        let sydney = try ZoneDatabase.shared.rules(for: "Australia/Sydney")
        #expect(sydney.zoned(sydney.instant(for: LocalDateTime(iso: "2200-01-15T09:00")!)).offsetSeconds == 11 * 3600)
        #expect(sydney.zoned(sydney.instant(for: LocalDateTime(iso: "2200-07-15T09:00")!)).offsetSeconds == 10 * 3600)
    }

    @Test(arguments: ["Mars/Olympus_Mons", "../etc/passwd", "", "/etc/localtime"])
    func unknownZonesAreRejected(name: String) {
        #expect(throws: UnknownTimeZone.self) { try ZoneDatabase.shared.rules(for: name) }
    }

    @Test func parsesInstantsWithAndWithoutOffsets() throws {
        let zone = try ZoneDatabase.shared.rules(for: "Asia/Shanghai")
        #expect(zone.instant(parsing: "2027-02-06T08:00:00+07:00")?.description == "2027-02-06T01:00:00+00:00")
        #expect(zone.instant(parsing: "2027-02-06T08:00")?.description == "2027-02-06T00:00:00+00:00")
        #expect(zone.instant(parsing: "2027-02-06")?.description == "2027-02-05T16:00:00+00:00")
        #expect(zone.instant(parsing: "2027-02-30") == nil)
    }

    @Test(
        arguments: [
            (Int64.min, -9_223_372_036_855), (-1_000_001, -2), (-1_000_000, -1), (-1, -1), (0, 0), (999_999, 0),
            (1_000_000, 1), (Int64.max, 9_223_372_036_854),
        ] as [(Int64, Int64)]
    )
    func secondsRoundDownWithoutOverflow(microseconds: Int64, seconds: Int64) {
        #expect(Instant(microsecondsSinceEpoch: microseconds).secondsSinceEpoch == seconds)
    }
}
