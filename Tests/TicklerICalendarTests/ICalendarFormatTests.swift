import Testing
import TicklerCalendar
import TicklerICalendar

/// DATE-TIME, UTC-OFFSET, DURATION and TRIGGER values.
@Suite("iCalendar values")
struct ICalendarFormatTests {
    @Test(
        "durations follow the RFC 5545 grammar",
        arguments: [
            (Int64(0), "PT0S"), (3600, "PT1H"), (-604_800, "-P1W"), (-1_209_600, "-P2W"), (86_400, "P1D"),
            (-129_600, "-P1DT12H"), (90, "PT1M30S"), (3601, "PT1H0M1S"), (-5400, "-PT1H30M"), (45, "PT45S"),
            (-691_200, "-P8D"),
        ]
    )
    func durations(seconds: Int64, expected: String) {
        #expect(ICalendarFormat.duration(seconds: seconds) == expected)
    }

    @Test(
        "triggers keep the schedule's unit",
        arguments: [
            (Period(7, .day), "-P7D"), (Period(1, .week), "-P1W"), (Period(36, .hour), "-P1DT12H"),
            (Period(90, .minute), "-PT1H30M"), (Period(30, .second), "-PT30S"), (Period(14, .day), "-P14D"),
        ]
    )
    func triggers(lead: Period, expected: String) {
        #expect(ICalendarFormat.trigger(before: lead) == expected)
    }

    @Test("calendar months are no lead")
    func monthsAreNoTrigger() {
        #expect(ICalendarFormat.trigger(before: Period(1, .month)) == nil)
    }

    @Test(
        "UTC offsets",
        arguments: [(25_200, "+0700"), (-18_000, "-0500"), (0, "+0000"), (27_940, "+074540"), (-12_600, "-0330")]
    )
    func offsets(seconds: Int, expected: String) {
        #expect(ICalendarFormat.utcOffset(seconds: seconds) == expected)
    }

    @Test("date-times in basic format, fractions dropped")
    func dateTimes() throws {
        let local = try #require(LocalDateTime(iso: "2027-01-27T08:05:09.75"))
        #expect(ICalendarFormat.dateTime(local) == "20270127T080509")
        let early = try #require(LocalDateTime(iso: "0987-03-04T00:00"))
        #expect(ICalendarFormat.dateTime(early) == "09870304T000000")
        let instant = try #require(ZonedDateTime(iso: "2027-01-27T08:00:00+07:00")).instant
        #expect(ICalendarFormat.utc(instant) == "20270127T010000Z")
    }
}
