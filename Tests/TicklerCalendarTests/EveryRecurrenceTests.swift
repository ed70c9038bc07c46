import Testing
import TicklerCalendar
import TicklerPlatform

@Suite("Every N units from a start")
struct EveryRecurrenceTests {
    let hanoi = try! ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh")

    @Test func fiveYearlyRenewalFromDecember2014() {
        let rule = EveryRecurrence(
            start: LocalDateTime(iso: "2014-12-15T08:00")!,
            period: Period(5, .year),
            until: LocalDateTime(iso: "2034-12-31T23:59")!,
            zone: hanoi
        )
        let after = hanoi.instant(for: LocalDateTime(iso: "2019-12-15T08:00")!)
        let dates = rule.occurrences(after: after, limit: 10).map { hanoi.zoned($0).description }
        #expect(dates == ["2024-12-15T08:00:00+07:00", "2029-12-15T08:00:00+07:00", "2034-12-15T08:00:00+07:00"])
    }

    @Test func monthlyFromThe31stUsesTheLastDayWithoutDrifting() {
        let rule = EveryRecurrence(start: LocalDateTime(iso: "2027-01-31")!, period: Period(1, .month), zone: .utc)
        let dates = rule.occurrences(after: Instant(secondsSinceEpoch: 0), limit: 4).map { $0.description.prefix(10) }
        #expect(dates == ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"])
    }

    @Test func leapDayYearlyFallsOnTheTwentyEighth() {
        let rule = EveryRecurrence(start: LocalDateTime(iso: "2024-02-29")!, period: Period(1, .year), zone: .utc)
        let dates = rule.occurrences(after: Instant(secondsSinceEpoch: 0), limit: 5).map { $0.description.prefix(10) }
        #expect(dates == ["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"])
    }

    @Test(arguments: [Period(90, .second), Period(1, .day), Period(2, .week), Period(7, .month), Period(3, .year)])
    func firstOccurrenceAfterAnyInstantIsTheNextInTheSequence(period: Period) {
        let rule = EveryRecurrence(start: LocalDateTime(iso: "2011-09-05T07:30")!, period: period, zone: hanoi)
        let all = rule.occurrences(after: Instant(secondsSinceEpoch: 0), limit: 200)
        for (previous, next) in zip(all, all.dropFirst()) {
            #expect(previous < next)
            #expect(rule.firstOccurrence(after: previous) == next)
            #expect(rule.firstOccurrence(after: next.adding(microseconds: -1)) == next)
        }
    }
}
