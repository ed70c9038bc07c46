import Testing
import TicklerCalendar
import TicklerOnCalendar
import TicklerPlatform

@Suite("Calendar event elapses")
struct CalendarEventRecurrenceTests {
    private static func instant(_ text: String) -> Instant { ZonedDateTime(iso: text)!.instant }

    private static func elapses(_ spec: String, zone: String = "UTC", after: String, count: Int = 5) throws -> [String]
    {
        let rules = try ZoneDatabase.shared.rules(for: zone)
        let recurrence = try CalendarEventRecurrence(parsing: spec, zone: rules, zones: ZoneDatabase.shared)
        return recurrence.occurrences(after: instant(after), limit: count).map { rules.zoned($0).description }
    }

    @Test func firstMondayOfEachMonth() throws {
        #expect(
            try Self.elapses(
                "Mon *-*-01..07 09:00",
                zone: "Asia/Ho_Chi_Minh",
                after: "2026-01-01T00:00:00+07:00",
                count: 3
            )
                == ["2026-01-05T09:00:00+07:00", "2026-02-02T09:00:00+07:00", "2026-03-02T09:00:00+07:00"]
        )
    }

    @Test func lastMondayOfMayCountsFromTheMonthsEnd() throws {
        #expect(
            try Self.elapses("Mon *-05~07/1", after: "2024-01-01T00:00:00Z", count: 3)
                == ["2024-05-27T00:00:00+00:00", "2025-05-26T00:00:00+00:00", "2026-05-25T00:00:00+00:00"]
        )
    }

    @Test func thirdLastDayOfFebruaryFollowsLeapYears() throws {
        #expect(
            try Self.elapses("*-02~03", after: "2023-06-01T00:00:00Z", count: 2)
                == ["2024-02-27T00:00:00+00:00", "2025-02-26T00:00:00+00:00"]
        )
    }

    @Test func fractionalSecondsRepeat() throws {
        let rules = ZoneRules.utc
        let recurrence = try CalendarEventRecurrence(parsing: "*:*:0/0.5", zone: rules, zones: ZoneDatabase.shared)
        let result = recurrence.occurrences(after: Self.instant("2023-11-14T22:13:20Z"), limit: 3)
        #expect(
            result.map(\.microsecondsSinceEpoch) == [
                1_700_000_000_500_000, 1_700_000_001_000_000, 1_700_000_001_500_000,
            ]
        )
    }

    @Test func utcSuffixIgnoresTheDefaultZone() throws {
        #expect(
            try Self.elapses("08:30 UTC", zone: "Asia/Ho_Chi_Minh", after: "2027-01-01T00:00:00Z", count: 1)
                == ["2027-01-01T15:30:00+07:00"]
        )
    }

    @Test func springForwardSkipsTheMissingHour() throws {
        // 2021-03-14 02:00 EST → 03:00 EDT in New York: 02:30 does not occur that day (systemd-analyze agrees).
        #expect(
            try Self.elapses("*-*-* 02:30", zone: "America/New_York", after: "2021-03-13T12:00:00Z", count: 2)
                == ["2021-03-15T02:30:00-04:00", "2021-03-16T02:30:00-04:00"]
        )
        #expect(
            try Self.elapses("*:0/20", zone: "America/New_York", after: "2021-03-14T06:30:00Z", count: 3)
                == ["2021-03-14T01:40:00-05:00", "2021-03-14T03:00:00-04:00", "2021-03-14T03:20:00-04:00"]
        )
    }

    @Test func fallBackRepeatsNoHourFromBeforeButStaysOnTheSecondFromInside() throws {
        // From before the change the first 01:xx (EDT) is used and the second never comes.
        #expect(
            try Self.elapses("*:0/20", zone: "America/New_York", after: "2021-11-07T05:30:00Z", count: 3)
                == ["2021-11-07T01:40:00-04:00", "2021-11-07T02:00:00-05:00", "2021-11-07T02:20:00-05:00"]
        )
        // From inside the second 01:xx (EST) the search stays on EST.
        #expect(
            try Self.elapses("*-*-* 01:30", zone: "America/New_York", after: "2021-11-07T06:10:00Z", count: 2)
                == ["2021-11-07T01:30:00-05:00", "2021-11-08T01:30:00-05:00"]
        )
    }

    @Test func eventsEndAfter2199() throws {
        #expect(try Self.elapses("2199-12-31 23:59", after: "2199-01-01T00:00:00Z") == ["2199-12-31T23:59:00+00:00"])
        #expect(try Self.elapses("*-02-30", after: "2020-01-01T00:00:00Z").isEmpty)
    }

    @Test func epochIsOnce() throws {
        #expect(try Self.elapses("@1700000000", after: "2000-01-01T00:00:00Z") == ["2023-11-14T22:13:20+00:00"])
    }

    @Test(arguments: ["Mon..Fri 09:00", "*-*-1/3 12:00", "*:0/7", "Sun *-*~01..07 06:00", "quarterly"])
    func strictlyIncreasingAndMatching(_ spec: String) throws {
        let rules = try ZoneDatabase.shared.rules(for: "Europe/Berlin")
        let event = try CalendarEvent(parsing: spec, zones: ZoneDatabase.shared)
        let recurrence = CalendarEventRecurrence(event: event, zone: rules)
        let result = recurrence.occurrences(after: Self.instant("2024-03-01T00:00:00Z"), limit: 200)
        #expect(result.count == 200)
        #expect(zip(result, result.dropFirst()).allSatisfy { $0 < $1 })
        for instant in result {
            let local = rules.localDateTime(at: instant)
            if event.weekdays != CalendarEvent.allWeekdays {
                #expect(event.weekdays & (1 << (local.date.weekday.rawValue - 1)) != 0)
            }
            if let hour = event.hour { #expect(hour.contains { $0.start == local.time.hour || $0.repeat > 0 }) }
        }
    }
}
