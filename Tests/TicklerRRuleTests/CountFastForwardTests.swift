import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerRRule

/// A rule with COUNT asked for its occurrences long after DTSTART: whole cycles are counted, not listed, so the
/// answer costs bounded work whatever COUNT, and equals the plain count from DTSTART (python-dateutil's, and our
/// own expansion from the start).
@Suite struct CountFastForwardTests {
    /// `ticklerd` answers each of these within a fraction of a second; a debug build on a shared machine gets more.
    static let generous: Duration = .seconds(3)

    @Test func fixtureIsLoaded() {
        #expect(DateutilFixture.counted.count >= 60)
    }

    /// python-dateutil lists every occurrence from DTSTART; ours skips whole cycles and must land on the same ones.
    @Test(arguments: DateutilFixture.counted)
    func sameOccurrencesAsDateutilFarAfterTheStart(_ fixture: DateutilFixture) throws {
        let rule = try RecurrenceRule(parsing: fixture.rule)
        let recurrence = RRuleRecurrence(rule: rule, start: fixture.start, zone: .utc)
        var iterator = recurrence.occurrences()
        var first: [Int64] = []
        while first.count < fixture.occurrences.count, let next = iterator.next() {
            first.append(next.secondsSinceEpoch)
        }
        #expect(first == fixture.occurrences)
        for query in fixture.afters {
            let after = recurrence.occurrences(after: Instant(secondsSinceEpoch: query.after), limit: 5)
            #expect(after.map(\.secondsSinceEpoch) == query.next, "after \(query.after)")
        }
    }

    /// One query, timed.
    static func timed(_ recurrence: RRuleRecurrence, after instant: Instant, limit: Int = 3) -> ([Instant], Duration) {
        let clock = ContinuousClock()
        var result: [Instant] = []
        let elapsed = clock.measure { result = recurrence.occurrences(after: instant, limit: limit) }
        return (result, elapsed)
    }

    static func local(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }

    @Test func aBillionSecondsFromNineteenNinetyEndedInTwentyTwentyOne() throws {
        let start = Self.local("1990-01-01T00:00:00")
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: "FREQ=SECONDLY;COUNT=999999999"),
            start: start,
            zone: .utc
        )
        let first = Instant(secondsSinceEpoch: start.localSeconds)
        let last = first.adding(seconds: 999_999_998)
        let (late, lateTime) = Self.timed(recurrence, after: Instant(secondsSinceEpoch: 1_780_000_000))
        #expect(late.isEmpty)
        #expect(lateTime < Self.generous)
        let (end, endTime) = Self.timed(recurrence, after: last.adding(seconds: -2))
        #expect(end == [last.adding(seconds: -1), last])
        #expect(endTime < Self.generous)
        let (middle, _) = Self.timed(recurrence, after: first.adding(seconds: 600_000_000))
        #expect(middle == (1...3).map { first.adding(seconds: 600_000_000 + $0) })
    }

    /// Half a billion minutes from 2000 run to the year 2950; in Berlin the hour skipped each March lands on the
    /// hour after it (counted once), and the hour repeated each October is given once.
    @Test func halfABillionMinutesInBerlinAreCountedAcrossEveryDaylightChange() throws {
        let berlin = try ZoneDatabase.shared.rules(for: "Europe/Berlin")
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: "FREQ=MINUTELY;COUNT=500000000"),
            start: Self.local("2000-01-01T00:00:30"),
            zone: berlin
        )
        let query = berlin.instant(for: Self.local("2026-06-01T12:00:00"))
        let (next, elapsed) = Self.timed(recurrence, after: query)
        #expect(next == (0..<3).map { query.adding(seconds: 30 + 60 * Int64($0)) })
        #expect(elapsed < Self.generous)
        // COUNT runs out at a computable instant: from 2000 every minute of real time is given once, except the
        // 60 of each repeated October hour.
        let year2950 = berlin.instant(for: Self.local("2950-01-01T00:00:30"))
        let (later, _) = Self.timed(recurrence, after: year2950, limit: 1)
        #expect(later.count == 1)
    }

    /// Rules whose cycles are long (400 years) or whose periods are many, with the largest COUNT, asked in the
    /// years 2026 and 9000: bounded, increasing, after the query.
    @Test(arguments: [
        "FREQ=SECONDLY;COUNT=999999999", "FREQ=SECONDLY;INTERVAL=7;BYMINUTE=0,30;COUNT=999999999",
        "FREQ=MINUTELY;COUNT=500000000", "FREQ=MINUTELY;BYSECOND=0,15,30,45;COUNT=999999999",
        "FREQ=HOURLY;BYMINUTE=0,15,30,45;BYSECOND=1,2;COUNT=999999999", "FREQ=DAILY;COUNT=999999999",
        "FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30;COUNT=999999999", "FREQ=DAILY;BYMONTH=3;COUNT=999999999",
        "FREQ=DAILY;BYDAY=FR;BYMONTHDAY=13;COUNT=999999999", "FREQ=WEEKLY;BYDAY=MO,FR;COUNT=999999999",
        "FREQ=WEEKLY;BYMONTH=3,10;BYDAY=SU;BYHOUR=2;COUNT=999999999", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=999999999",
        "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;COUNT=999999999", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=999999999",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH;COUNT=999999999", "FREQ=HOURLY;BYDAY=MO;COUNT=10000",
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29;COUNT=10000",
    ])
    func largestCountsAreBoundedFarFromTheStart(_ text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        for zone in try ["UTC", "Europe/Berlin", "Australia/Lord_Howe"].map(ZoneDatabase.shared.rules(for:)) {
            let recurrence = RRuleRecurrence(rule: rule, start: Self.local("0001-01-01T01:30:00"), zone: zone)
            for year in ["2026", "9000"] {
                let query = zone.instant(for: Self.local("\(year)-06-01T00:00:00"))
                let (next, elapsed) = Self.timed(recurrence, after: query)
                #expect(elapsed < Self.generous, "\(text) in \(zone) after \(year)")
                #expect(next.allSatisfy { $0 > query })
                #expect(zip(next, next.dropFirst()).allSatisfy { $0 < $1 })
            }
        }
    }

    @Test func aRuleThatCannotBeCountedInBulkHasASmallerCount() throws {
        #expect(throws: RRuleError.self) { try RecurrenceRule(parsing: "FREQ=HOURLY;BYDAY=MO;COUNT=10001") }
        do {
            _ = try RecurrenceRule(parsing: "FREQ=MINUTELY;BYMONTH=1;COUNT=500000000")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("COUNT must be at most 10,000 for this rule"), "\(error)")
        }
        #expect((try? RecurrenceRule(parsing: "FREQ=HOURLY;BYDAY=MO;COUNT=10000")) != nil)
        #expect((try? RecurrenceRule(parsing: "FREQ=HOURLY;COUNT=999999999")) != nil)
        #expect((try? RecurrenceRule(parsing: "FREQ=YEARLY;INTERVAL=997;BYMONTH=1;BYDAY=MO;COUNT=999999999")) != nil)
    }

    /// Short-cycle rules with COUNT in zones with daylight saving time: the occurrences after a query long after
    /// DTSTART are those of the expansion from the start, across gaps that fold times onto others.
    @Test(arguments: ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Ho_Chi_Minh", "UTC"])
    func countingAcrossGapsMatchesTheExpansionFromTheStart(_ zoneName: String) throws {
        let zone = try ZoneDatabase.shared.rules(for: zoneName)
        let rules = [
            "FREQ=HOURLY;BYMINUTE=0,30", "FREQ=MINUTELY;INTERVAL=15", "FREQ=SECONDLY;INTERVAL=600",
            "FREQ=MINUTELY;INTERVAL=7;BYHOUR=1,2,3,4", "FREQ=HOURLY;INTERVAL=5;BYMINUTE=10;BYSETPOS=1",
            "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=0,15,30,45", "FREQ=DAILY;INTERVAL=3;BYHOUR=1,2,3",
            "FREQ=WEEKLY;BYDAY=SU;BYHOUR=1,2,3;BYMINUTE=0,30", "FREQ=WEEKLY;BYMONTH=3,4,10,11;BYDAY=SU,MO;BYHOUR=2,3",
            "FREQ=MONTHLY;BYDAY=-1SU,1SU,2SU;BYHOUR=2,3;BYMINUTE=0,30;BYSETPOS=1,-1",
            "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU,2SU;BYHOUR=2,3;BYMINUTE=0,30",
        ]
        var random = SeededRandom(seed: 0xC0_0A7)
        for text in rules {
            // Northern gaps come in March, Lord Howe's in October.
            let month = zoneName.hasPrefix("Australia") ? "09" : "03"
            let start = Self.local("\(Int.random(in: 1995...2005, using: &random))-\(month)-01T01:30:00")
            let plain = try RecurrenceRule(parsing: text)
            let naive = RRuleRecurrence(rule: plain, start: start, zone: zone).occurrences(
                after: Instant(secondsSinceEpoch: 0),
                limit: 8000
            )
            let count = naive.count - Int.random(in: 0...100, using: &random)
            let rule = try RecurrenceRule(parsing: "\(text);COUNT=\(count)")
            let recurrence = RRuleRecurrence(rule: rule, start: start, zone: zone)
            let expected = Array(naive.prefix(count))
            for _ in 0..<6 {
                let index = Int.random(in: count / 3..<count, using: &random)
                let query = expected[index].adding(seconds: -Int64.random(in: 0...1, using: &random))
                let after = recurrence.occurrences(after: query, limit: 4)
                let want = Array(expected.drop { $0 <= query }.prefix(4))
                #expect(after == want, "\(text);COUNT=\(count) from \(start) in \(zoneName) after \(query)")
            }
            #expect(recurrence.occurrences(after: expected[count - 1], limit: 1).isEmpty, "\(text) ends")
        }
    }
}
