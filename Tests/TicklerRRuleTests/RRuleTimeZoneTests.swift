import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerRRule

/// Wall-clock expansion in a zone with daylight saving time (America/New_York, 2026: clocks go forward on 8 March
/// at 02:00 and back on 1 November at 02:00).
@Suite struct RRuleTimeZoneTests {
    static let newYork = try! ZoneDatabase.shared.rules(for: "America/New_York")

    /// The occurrences as `2026-03-08T03:30:00-04:00`.
    static func zoned(_ rule: String, _ start: String, limit: Int = 10) throws -> [String] {
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: rule),
            start: LocalDateTime(iso: start)!,
            zone: newYork
        )
        return recurrence.occurrences(after: Instant(secondsSinceEpoch: 0), limit: limit).map {
            newYork.zoned($0).description
        }
    }

    @Test func aTimeInTheGapMovesForwardByTheGap() throws {
        #expect(
            try Self.zoned("FREQ=DAILY;COUNT=4;BYHOUR=2;BYMINUTE=30", "2026-03-06T02:30") == [
                "2026-03-06T02:30:00-05:00", "2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00",
                "2026-03-09T02:30:00-04:00",
            ]
        )
    }

    @Test func anAmbiguousTimeIsTheFirstOfTheTwo() throws {
        #expect(
            try Self.zoned("FREQ=DAILY;COUNT=3", "2026-10-31T01:30") == [
                "2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00",
            ]
        )
    }

    @Test func hourlyStepsTheWallClockSoTheRepeatedHourComesOnce() throws {
        #expect(
            try Self.zoned("FREQ=HOURLY;COUNT=4", "2026-11-01T00:00") == [
                "2026-11-01T00:00:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T02:00:00-05:00",
                "2026-11-01T03:00:00-05:00",
            ]
        )
    }

    /// 02:30 does not exist and becomes 03:30, which the rule also yields: the instant is given once, and COUNT
    /// counts instants given.
    @Test func aGapTimeThatLandsOnAnotherOccurrenceIsGivenOnce() throws {
        #expect(
            try Self.zoned("FREQ=HOURLY;COUNT=4;BYMINUTE=30", "2026-03-08T00:30") == [
                "2026-03-08T00:30:00-05:00", "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00",
                "2026-03-08T04:30:00-04:00",
            ]
        )
    }

    /// 02:15 becomes 03:15, later than the 03:00 that the rule yields next: instants still come in order.
    @Test func gapTimesAreMergedIntoOrder() throws {
        #expect(
            try Self.zoned("FREQ=MINUTELY;INTERVAL=45", "2026-03-08T00:00", limit: 7) == [
                "2026-03-08T00:00:00-05:00", "2026-03-08T00:45:00-05:00", "2026-03-08T01:30:00-05:00",
                "2026-03-08T03:00:00-04:00", "2026-03-08T03:15:00-04:00", "2026-03-08T03:45:00-04:00",
                "2026-03-08T04:30:00-04:00",
            ]
        )
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: "FREQ=MINUTELY;INTERVAL=45"),
            start: LocalDateTime(iso: "2026-03-08T00:00")!,
            zone: Self.newYork
        )
        let after = ZonedDateTime(iso: "2026-03-08T03:05:00-04:00")!.instant
        #expect(
            recurrence.occurrences(after: after, limit: 2).map { Self.newYork.zoned($0).description } == [
                "2026-03-08T03:15:00-04:00", "2026-03-08T03:45:00-04:00",
            ]
        )
    }

    @Test(arguments: [
        ("UNTIL=20260310T130000Z", 4),  // 09:00 EDT on 10 March is 13:00Z: included, as an instant
        ("UNTIL=20260310T125959Z", 3),
        ("UNTIL=20260310T090000", 4),  // wall clock
        ("UNTIL=20260310T085959", 3),
        ("UNTIL=20260310", 4),  // the whole day
        ("UNTIL=20260309", 3),
    ])
    func untilComparesAsAnInstantInUTCAndOnTheWallClockOtherwise(_ until: String, _ count: Int) throws {
        #expect(try Self.zoned("FREQ=DAILY;" + until, "2026-03-07T09:00").count == count)
    }

    @Test func queriesAtTheEndsOfTimeDoNotOverflow() throws {
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: "FREQ=DAILY"),
            start: LocalDateTime(iso: "2026-01-01T09:00")!,
            zone: ZoneRules.fixed(offsetSeconds: 14 * 3600)
        )
        #expect(recurrence.firstOccurrence(after: Instant(microsecondsSinceEpoch: .max)) == nil)
        #expect(
            recurrence.firstOccurrence(after: Instant(microsecondsSinceEpoch: .min))
                == ZonedDateTime(iso: "2026-01-01T09:00:00+14:00")!.instant
        )
    }

    @Test func utcUntilAcrossAFixedOffsetZone() throws {
        let zone = ZoneRules.fixed(offsetSeconds: 7 * 3600)
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260103T020000Z"),
            start: LocalDateTime(iso: "2026-01-01T09:00")!,
            zone: zone
        )
        let got = recurrence.occurrences(after: Instant(secondsSinceEpoch: 0), limit: 10).map {
            zone.zoned($0).description
        }
        #expect(got == ["2026-01-01T09:00:00+07:00", "2026-01-02T09:00:00+07:00", "2026-01-03T09:00:00+07:00"])
    }

    /// For random rules starting near the changes: the instants are exactly the wall-clock occurrences (as
    /// computed in UTC) read in New York, sorted, each once.
    @Test(
        arguments: RandomRules.cases(150, seed: 5545, nearDST: true).filter { value in
            if value.rule.count != nil { return false }
            if case .utc = value.rule.until { return false }
            return true
        }
    )
    func instantsAreTheWallClockOccurrencesReadInTheZone(_ value: RandomRules.Case) {
        let epoch = Instant(microsecondsSinceEpoch: Int64.min / 2)
        let naive = RRuleRecurrence(rule: value.rule, start: value.start, zone: .utc).occurrences(
            after: epoch,
            limit: 400
        )
        let mapped = Set(naive.map { Self.newYork.instant(for: ZoneRules.utc.localDateTime(at: $0)) }).sorted()
        // Wall-clock times after the last one read here map to at least its reading plus 4 hours.
        let cutoff = naive.count < 400 ? Instant(microsecondsSinceEpoch: .max) : naive.last!.adding(seconds: 4 * 3600)
        let ours = RRuleRecurrence(rule: value.rule, start: value.start, zone: Self.newYork)
            .occurrences(after: epoch, limit: 500).filter { $0 <= cutoff }
        #expect(ours == mapped.filter { $0 <= cutoff })
    }
}
