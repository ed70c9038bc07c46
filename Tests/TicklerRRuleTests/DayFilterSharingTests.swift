import Testing
import TicklerCalendar

@testable import TicklerRRule

/// ``DayFilter/shared(_:)``: plans whose day parts are the same
/// share one filter (a register repeats a few rules, each from a start of its own); parts that DTSTART fills in
/// keep plans apart.
@Suite("DayFilter sharing")
struct DayFilterSharingTests {
    static func plan(_ rule: String, _ start: String) throws -> RRulePlan {
        RRulePlan(rule: try RecurrenceRule(parsing: rule), start: try #require(LocalDateTime(iso: start)))
    }

    /// Where a filter's ordinal table is stored: the same storage is the same filter, shared.
    static func storage(_ plan: RRulePlan) -> UnsafeRawPointer? {
        plan.filter.ordinalsFromStart.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    @Test func plansOfOneRuleFromOtherStartsShareTheirFilter() throws {
        let first = try Self.plan("FREQ=MONTHLY;BYDAY=2MO", "2014-12-08T09:00")
        let second = try Self.plan("FREQ=MONTHLY;BYDAY=2MO", "2017-02-13T14:30")
        #expect(Self.storage(first) == Self.storage(second))
        #expect(Self.storage(first) != nil)
        let other = try Self.plan("FREQ=MONTHLY;BYDAY=-1FR", "2014-12-08T09:00")
        #expect(Self.storage(other) != Self.storage(first))
        #expect(other.filter.ordinalsFromEnd != first.filter.ordinalsFromEnd)
    }

    @Test func partsFilledInFromTheStartKeepPlansApart() throws {
        // MONTHLY without BYDAY or BYMONTHDAY falls on the start's day of the month.
        let fifth = try Self.plan("FREQ=MONTHLY", "2027-01-05T09:00")
        let sixth = try Self.plan("FREQ=MONTHLY", "2027-01-06T09:00")
        #expect(fifth.filter.monthDaysFromStart == 1 << 5)
        #expect(sixth.filter.monthDaysFromStart == 1 << 6)
        // YEARLY without BYMONTH takes the start's month too.
        let march = try Self.plan("FREQ=YEARLY", "2027-03-05T09:00")
        let april = try Self.plan("FREQ=YEARLY", "2027-04-05T09:00")
        #expect(march.filter.months != april.filter.months)
    }
}
