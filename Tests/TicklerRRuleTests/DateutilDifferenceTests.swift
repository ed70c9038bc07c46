import Testing
import TicklerCalendar
import TicklerRRule

/// The places where Tickler follows RFC 5545 rather than python-dateutil 2.9, each pinned down.
@Suite struct DateutilDifferenceTests {
    static func dates(_ rule: String, _ start: String) throws -> [String] {
        let recurrence = RRuleRecurrence(
            rule: try RecurrenceRule(parsing: rule),
            start: LocalDateTime(iso: start)!,
            zone: .utc
        )
        return recurrence.occurrences(after: Instant(secondsSinceEpoch: 0), limit: 20).map {
            ZoneRules.utc.localDateTime(at: $0).date.description
        }
    }

    /// BYSETPOS picks from the whole week (RFC: "a set of recurrence instances starts at the beginning of the
    /// interval"); dateutil starts the first week's set at DTSTART and would give 2026-01-07 first (its issue #1398).
    @Test func weeklySetPositionsCountFromTheStartOfTheWeek() throws {
        #expect(
            try Self.dates("FREQ=WEEKLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2026-01-07T09:00") == [
                "2026-01-12", "2026-01-19", "2026-01-26",
            ]
        )
    }

    /// Plain and numbered weekdays together are a union; dateutil requires both at once and yields nothing.
    @Test func plainAndNumberedWeekdaysAddUp() throws {
        #expect(
            try Self.dates("FREQ=MONTHLY;COUNT=6;BYDAY=MO,1TU", "2026-01-01T09:00") == [
                "2026-01-05", "2026-01-06", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
            ]
        )
    }

    /// UNTIL as a date bounds by the whole day ("inclusive"); dateutil reads it as midnight and would stop on the 9th.
    @Test func untilAsADateIncludesThatDay() throws {
        #expect(
            try Self.dates("FREQ=DAILY;UNTIL=20260110", "2026-01-08T09:00") == [
                "2026-01-08", "2026-01-09", "2026-01-10",
            ]
        )
    }
}
