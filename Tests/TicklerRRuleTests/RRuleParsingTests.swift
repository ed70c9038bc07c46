import Testing
import TicklerCalendar
import TicklerRRule

/// Reading RRULE text: every part, case, prefix, canonical text, and errors that name the bad part.
@Suite struct RRuleParsingTests {
    @Test func readsEveryPart() throws {
        let rule = try RecurrenceRule(
            parsing: "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYSECOND=0,60;BYMINUTE=5;BYHOUR=9,17;BYDAY=MO,+2TU,-1FR;"
                + "BYMONTHDAY=1,-1;BYYEARDAY=100,-366;BYMONTH=1,12;BYSETPOS=1,-2;WKST=SU"
        )
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 2)
        #expect(rule.count == 10)
        #expect(rule.until == nil)
        #expect(rule.bySecond == [0, 60])
        #expect(rule.byMinute == [5])
        #expect(rule.byHour == [9, 17])
        #expect(rule.byDay == [.init(.monday), .init(.tuesday, ordinal: 2), .init(.friday, ordinal: -1)])
        #expect(rule.byMonthDay == [1, -1])
        #expect(rule.byYearDay == [100, -366])
        #expect(rule.byMonth == [1, 12])
        #expect(rule.bySetPosition == [1, -2])
        #expect(rule.weekStart == .sunday)
    }

    @Test func namesAndValuesIgnoreCase() throws {
        let rule = try RecurrenceRule(parsing: "rrule:freq=monthly;byday=-1fr;wkst=su")
        #expect(
            rule == (try RecurrenceRule(frequency: .monthly, byDay: [.init(.friday, ordinal: -1)], weekStart: .sunday))
        )
    }

    @Test(arguments: [
        ("UNTIL=20261231", RecurrenceRule.Until.date(CivilDate(year: 2026, month: 12, day: 31)!)),
        ("UNTIL=20261231T093000", .local(LocalDateTime(iso: "2026-12-31T09:30")!)),
        ("UNTIL=20261231T020000Z", .utc(ZonedDateTime(iso: "2026-12-31T02:00:00Z")!.instant)),
    ])
    func readsTheThreeFormsOfUntil(_ text: String, _ until: RecurrenceRule.Until) throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;" + text)
        #expect(rule.until == until)
        #expect(rule.description == "FREQ=DAILY;" + text)
    }

    @Test(arguments: [
        "FREQ=DAILY",
        "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
        "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
        "FREQ=YEARLY;BYWEEKNO=20,-1;BYDAY=MO",
        "FREQ=HOURLY;BYYEARDAY=-1;BYHOUR=1;BYMINUTE=2;BYSECOND=3;BYSETPOS=-1;WKST=SA",
    ])
    func canonicalTextRoundTrips(_ text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule.description == text)
        #expect(try RecurrenceRule(parsing: rule.description) == rule)
    }

    @Test func canonicalTextPutsPartsInOrderAndDropsDefaults() throws {
        let rule = try RecurrenceRule(parsing: " WKST=MO;BYDAY=MO;INTERVAL=1;FREQ=WEEKLY; ")
        #expect(rule.description == "FREQ=WEEKLY;BYDAY=MO")
    }

    @Test(arguments: [
        ("", "FREQ is required"),
        ("RRULE:", "FREQ is required"),
        ("COUNT=3", "FREQ is required"),
        (
            "FREQ=FORTNIGHTLY",
            "FREQ=FORTNIGHTLY: frequency must be SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"
        ),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ=WEEKLY: FREQ is given twice"),
        (
            "FREQ=DAILY;COLOR=RED",
            "COLOR=RED: unknown rule part COLOR (expected one of FREQ, INTERVAL, COUNT, UNTIL, BYSECOND, BYMINUTE, "
                + "BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST)"
        ),
        ("FREQ=DAILY;COUNT", "COUNT: expected NAME=VALUE"),
        ("FREQ=DAILY;COUNT=", "COUNT=: COUNT has no value"),
        ("FREQ=DAILY;COUNT=ten", "COUNT=ten: COUNT must be a whole number"),
        ("FREQ=DAILY;COUNT=0", "COUNT=0: COUNT must be 1 or more"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0: INTERVAL must be 1 or more"),
        ("FREQ=DAILY;INTERVAL=-2", "INTERVAL=-2: INTERVAL must be 1 or more"),
        ("FREQ=DAILY;COUNT=1000000000", "COUNT=1000000000: COUNT must be at most 999,999,999"),
        ("FREQ=DAILY;COUNT=0000000000999999999;UNTIL=", "UNTIL=: UNTIL has no value"),
        ("FREQ=DAILY;INTERVAL=99999999999", "INTERVAL=99999999999: INTERVAL must be at most 999,999,999"),
        (
            "FREQ=DAILY;COUNT=99999999999999999999999999",
            "COUNT=9223372036854775807: COUNT must be at most 999,999,999"
        ),
        ("FREQ=YEARLY;BYMONTH=1234567890123", "BYMONTH=1234567890123: month must be 1…12"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=-99999999999999999999",
            "BYMONTHDAY=-9223372036854775807: day of the month must be 1…31 or -31…-1"
        ),
        (
            "FREQ=MONTHLY;BYDAY=-99999999999999999999MO",
            "BYDAY=-9223372036854775807MO: weekday number must be 1…53 or -53…-1"
        ),
        ("FREQ=DAILY;UNTIL=00001231", "UNTIL=00001231: expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ"),
        ("FREQ=DAILY;COUNT=2;UNTIL=20260101", "COUNT and UNTIL cannot both be given"),
        ("FREQ=DAILY;UNTIL=2026-01-01", "UNTIL=2026-01-01: expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ"),
        ("FREQ=DAILY;UNTIL=20260230", "UNTIL=20260230: expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ"),
        (
            "FREQ=DAILY;UNTIL=20260101T250000Z",
            "UNTIL=20260101T250000Z: expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ"
        ),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13: month must be 1…12"),
        ("FREQ=YEARLY;BYMONTH=1,0", "BYMONTH=0: month must be 1…12"),
        ("FREQ=YEARLY;BYMONTH=1,,2", "BYMONTH=1,,2: empty list item"),
        ("FREQ=YEARLY;BYMONTH=JAN", "BYMONTH=JAN: expected a whole number"),
        ("FREQ=DAILY;BYSECOND=61", "BYSECOND=61: second must be 0…60"),
        ("FREQ=DAILY;BYMINUTE=60", "BYMINUTE=60: minute must be 0…59"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR=24: hour must be 0…23"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0: day of the month must be 1…31 or -31…-1"),
        ("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32: day of the month must be 1…31 or -31…-1"),
        ("FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY=367: day of the year must be 1…366 or -366…-1"),
        ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO=54: week number must be 1…53 or -53…-1"),
        ("FREQ=YEARLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS=0: position must be 1…366 or -366…-1"),
        ("FREQ=MONTHLY;BYDAY=XX", "BYDAY=XX: expected a weekday MO…SU, optionally numbered (2MO, -1FR)"),
        ("FREQ=MONTHLY;BYDAY=1", "BYDAY=1: expected a weekday MO…SU, optionally numbered (2MO, -1FR)"),
        ("FREQ=MONTHLY;BYDAY=ZMO", "BYDAY=ZMO: expected a weekday MO…SU, optionally numbered (2MO, -1FR)"),
        ("FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO: weekday number must be 1…53 or -53…-1"),
        ("FREQ=YEARLY;BYDAY=54MO", "BYDAY=54MO: weekday number must be 1…53 or -53…-1"),
        ("FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO: a month has at most 5 of each weekday"),
        ("FREQ=WEEKLY;BYDAY=2MO", "BYDAY=2MO: a numbered weekday needs FREQ=MONTHLY or FREQ=YEARLY"),
        ("FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "BYDAY=1MO: a numbered weekday cannot be combined with BYWEEKNO"),
        ("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO=1: BYWEEKNO needs FREQ=YEARLY"),
        ("FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY=1: BYYEARDAY cannot be used with FREQ=MONTHLY"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY=1: BYMONTHDAY cannot be used with FREQ=WEEKLY"),
        ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS=1: BYSETPOS needs another BYxxx part to choose from"),
        ("FREQ=WEEKLY;WKST=XX", "WKST=XX: week start must be MO, TU, WE, TH, FR, SA or SU"),
    ])
    func errorsNameTheBadPart(_ text: String, _ message: String) {
        #expect(throws: RRuleError.self) { try RecurrenceRule(parsing: text) }
        do {
            _ = try RecurrenceRule(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func errorsKeepThePartAsWritten() {
        do {
            _ = try RecurrenceRule(parsing: "freq=daily;bymonth=13")
            Issue.record("accepted")
        } catch {
            #expect(error.part == "BYMONTH=13")
            #expect(error.reason == "month must be 1…12")
        }
        do {
            _ = try RecurrenceRule(parsing: "freq=daily;colour=red")
            Issue.record("accepted")
        } catch {
            #expect(error.part == "colour=red")
        }
    }

    @Test func memberwiseInitialiserChecksLikeTheParser() {
        #expect(throws: RRuleError(part: "BYHOUR=24", reason: "hour must be 0…23")) {
            try RecurrenceRule(frequency: .daily, byHour: [24])
        }
    }
}
