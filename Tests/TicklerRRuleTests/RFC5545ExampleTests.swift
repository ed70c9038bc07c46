import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerRRule

/// Every RRULE example of RFC 5545 §3.8.5.3, with DTSTART in America/New_York as the RFC gives it.
@Suite struct RFC5545ExampleTests {
    /// One example: the rule, its DTSTART (New York wall clock) and the RFC's listing as wall-clock times.
    struct Example: Sendable, CustomTestStringConvertible {
        let title: String
        let rule: String
        let start: String
        /// `YYYY-MM-DD HH:MM` in New York; the whole sequence when `complete`, else its beginning.
        let expected: [String]
        let complete: Bool

        var testDescription: String { title }
    }

    static let newYork = try! ZoneDatabase.shared.rules(for: "America/New_York")

    /// Days from `first` to `last` (inclusive) at 09:00, for the long daily listings.
    static func days(_ first: String, _ last: String, months: Set<Int> = Set(1...12)) -> [String] {
        var day = CivilDate(iso: first)!
        var result: [String] = []
        while day <= CivilDate(iso: last)! {
            if months.contains(day.month) { result.append("\(day) 09:00") }
            day = day.adding(days: 1)
        }
        return result
    }

    static func at(_ time: String, _ dates: String...) -> [String] { dates.map { "\($0) \(time)" } }

    static let examples: [Example] = [
        Example(
            title: "Daily for 10 occurrences",
            rule: "FREQ=DAILY;COUNT=10",
            start: "1997-09-02T09:00",
            expected: days("1997-09-02", "1997-09-11"),
            complete: true
        ),
        Example(
            title: "Daily until December 24, 1997",
            rule: "FREQ=DAILY;UNTIL=19971224T000000Z",
            start: "1997-09-02T09:00",
            expected: days("1997-09-02", "1997-12-23"),
            complete: true
        ),
        Example(
            title: "Every other day - forever",
            rule: "FREQ=DAILY;INTERVAL=2",
            start: "1997-09-02T09:00",
            expected: at("09:00", "1997-09-02", "1997-09-04", "1997-09-06", "1997-09-08", "1997-09-10"),
            complete: false
        ),
        Example(
            title: "Every 10 days, 5 occurrences",
            rule: "FREQ=DAILY;INTERVAL=10;COUNT=5",
            start: "1997-09-02T09:00",
            expected: at("09:00", "1997-09-02", "1997-09-12", "1997-09-22", "1997-10-02", "1997-10-12"),
            complete: true
        ),
        Example(
            title: "Every day in January, for 3 years (yearly form)",
            rule: "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
            start: "1998-01-01T09:00",
            expected: days("1998-01-01", "2000-01-31", months: [1]),
            complete: true
        ),
        Example(
            title: "Every day in January, for 3 years (daily form)",
            rule: "RRULE:FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
            start: "1998-01-01T09:00",
            expected: days("1998-01-01", "2000-01-31", months: [1]),
            complete: true
        ),
        Example(
            title: "Weekly for 10 occurrences",
            rule: "FREQ=WEEKLY;COUNT=10",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-09",
                "1997-09-16",
                "1997-09-23",
                "1997-09-30",
                "1997-10-07",
                "1997-10-14",
                "1997-10-21",
                "1997-10-28",
                "1997-11-04"
            ),
            complete: true
        ),
        Example(
            title: "Weekly until December 24, 1997",
            rule: "FREQ=WEEKLY;UNTIL=19971224T000000Z",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-09",
                "1997-09-16",
                "1997-09-23",
                "1997-09-30",
                "1997-10-07",
                "1997-10-14",
                "1997-10-21",
                "1997-10-28",
                "1997-11-04",
                "1997-11-11",
                "1997-11-18",
                "1997-11-25",
                "1997-12-02",
                "1997-12-09",
                "1997-12-16",
                "1997-12-23"
            ),
            complete: true
        ),
        Example(
            title: "Every other week - forever",
            rule: "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-16",
                "1997-09-30",
                "1997-10-14",
                "1997-10-28",
                "1997-11-11",
                "1997-11-25",
                "1997-12-09",
                "1997-12-23",
                "1998-01-06",
                "1998-01-20",
                "1998-02-03",
                "1998-02-17"
            ),
            complete: false
        ),
        Example(
            title: "Weekly on Tuesday and Thursday for five weeks (UNTIL)",
            rule: "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-04",
                "1997-09-09",
                "1997-09-11",
                "1997-09-16",
                "1997-09-18",
                "1997-09-23",
                "1997-09-25",
                "1997-09-30",
                "1997-10-02"
            ),
            complete: true
        ),
        Example(
            title: "Weekly on Tuesday and Thursday for five weeks (COUNT)",
            rule: "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-04",
                "1997-09-09",
                "1997-09-11",
                "1997-09-16",
                "1997-09-18",
                "1997-09-23",
                "1997-09-25",
                "1997-09-30",
                "1997-10-02"
            ),
            complete: true
        ),
        Example(
            title: "Every other week on Monday, Wednesday, and Friday until December 24, 1997",
            rule: "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
            start: "1997-09-01T09:00",
            expected: at(
                "09:00",
                "1997-09-01",
                "1997-09-03",
                "1997-09-05",
                "1997-09-15",
                "1997-09-17",
                "1997-09-19",
                "1997-09-29",
                "1997-10-01",
                "1997-10-03",
                "1997-10-13",
                "1997-10-15",
                "1997-10-17",
                "1997-10-27",
                "1997-10-29",
                "1997-10-31",
                "1997-11-10",
                "1997-11-12",
                "1997-11-14",
                "1997-11-24",
                "1997-11-26",
                "1997-11-28",
                "1997-12-08",
                "1997-12-10",
                "1997-12-12",
                "1997-12-22"
            ),
            complete: true
        ),
        Example(
            title: "Every other week on Tuesday and Thursday, for 8 occurrences",
            rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-04",
                "1997-09-16",
                "1997-09-18",
                "1997-09-30",
                "1997-10-02",
                "1997-10-14",
                "1997-10-16"
            ),
            complete: true
        ),
        Example(
            title: "Monthly on the first Friday for 10 occurrences",
            rule: "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
            start: "1997-09-05T09:00",
            expected: at(
                "09:00",
                "1997-09-05",
                "1997-10-03",
                "1997-11-07",
                "1997-12-05",
                "1998-01-02",
                "1998-02-06",
                "1998-03-06",
                "1998-04-03",
                "1998-05-01",
                "1998-06-05"
            ),
            complete: true
        ),
        Example(
            title: "Monthly on the first Friday until December 24, 1997",
            rule: "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
            start: "1997-09-05T09:00",
            expected: at("09:00", "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05"),
            complete: true
        ),
        Example(
            title: "Every other month on the first and last Sunday of the month for 10 occurrences",
            rule: "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
            start: "1997-09-07T09:00",
            expected: at(
                "09:00",
                "1997-09-07",
                "1997-09-28",
                "1997-11-02",
                "1997-11-30",
                "1998-01-04",
                "1998-01-25",
                "1998-03-01",
                "1998-03-29",
                "1998-05-03",
                "1998-05-31"
            ),
            complete: true
        ),
        Example(
            title: "Monthly on the second-to-last Monday of the month for 6 months",
            rule: "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
            start: "1997-09-22T09:00",
            expected: at("09:00", "1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16"),
            complete: true
        ),
        Example(
            title: "Monthly on the third-to-the-last day of the month, forever",
            rule: "FREQ=MONTHLY;BYMONTHDAY=-3",
            start: "1997-09-28T09:00",
            expected: at("09:00", "1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26"),
            complete: false
        ),
        Example(
            title: "Monthly on the 2nd and 15th of the month for 10 occurrences",
            rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-15",
                "1997-10-02",
                "1997-10-15",
                "1997-11-02",
                "1997-11-15",
                "1997-12-02",
                "1997-12-15",
                "1998-01-02",
                "1998-01-15"
            ),
            complete: true
        ),
        Example(
            title: "Monthly on the first and last day of the month for 10 occurrences",
            rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
            start: "1997-09-30T09:00",
            expected: at(
                "09:00",
                "1997-09-30",
                "1997-10-01",
                "1997-10-31",
                "1997-11-01",
                "1997-11-30",
                "1997-12-01",
                "1997-12-31",
                "1998-01-01",
                "1998-01-31",
                "1998-02-01"
            ),
            complete: true
        ),
        Example(
            title: "Every 18 months on the 10th thru 15th of the month for 10 occurrences",
            rule: "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
            start: "1997-09-10T09:00",
            expected: at(
                "09:00",
                "1997-09-10",
                "1997-09-11",
                "1997-09-12",
                "1997-09-13",
                "1997-09-14",
                "1997-09-15",
                "1999-03-10",
                "1999-03-11",
                "1999-03-12",
                "1999-03-13"
            ),
            complete: true
        ),
        Example(
            title: "Every Tuesday, every other month",
            rule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
            start: "1997-09-02T09:00",
            expected: at(
                "09:00",
                "1997-09-02",
                "1997-09-09",
                "1997-09-16",
                "1997-09-23",
                "1997-09-30",
                "1997-11-04",
                "1997-11-11",
                "1997-11-18",
                "1997-11-25",
                "1998-01-06",
                "1998-01-13",
                "1998-01-20",
                "1998-01-27",
                "1998-03-03",
                "1998-03-10",
                "1998-03-17",
                "1998-03-24",
                "1998-03-31"
            ),
            complete: false
        ),
        Example(
            title: "Yearly in June and July for 10 occurrences",
            rule: "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
            start: "1997-06-10T09:00",
            expected: at(
                "09:00",
                "1997-06-10",
                "1997-07-10",
                "1998-06-10",
                "1998-07-10",
                "1999-06-10",
                "1999-07-10",
                "2000-06-10",
                "2000-07-10",
                "2001-06-10",
                "2001-07-10"
            ),
            complete: true
        ),
        Example(
            title: "Every other year on January, February, and March for 10 occurrences",
            rule: "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
            start: "1997-03-10T09:00",
            expected: at(
                "09:00",
                "1997-03-10",
                "1999-01-10",
                "1999-02-10",
                "1999-03-10",
                "2001-01-10",
                "2001-02-10",
                "2001-03-10",
                "2003-01-10",
                "2003-02-10",
                "2003-03-10"
            ),
            complete: true
        ),
        Example(
            title: "Every third year on the 1st, 100th, and 200th day for 10 occurrences",
            rule: "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
            start: "1997-01-01T09:00",
            expected: at(
                "09:00",
                "1997-01-01",
                "1997-04-10",
                "1997-07-19",
                "2000-01-01",
                "2000-04-09",
                "2000-07-18",
                "2003-01-01",
                "2003-04-10",
                "2003-07-19",
                "2006-01-01"
            ),
            complete: true
        ),
        Example(
            title: "Every 20th Monday of the year, forever",
            rule: "FREQ=YEARLY;BYDAY=20MO",
            start: "1997-05-19T09:00",
            expected: at("09:00", "1997-05-19", "1998-05-18", "1999-05-17"),
            complete: false
        ),
        Example(
            title: "Monday of week number 20, forever",
            rule: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
            start: "1997-05-12T09:00",
            expected: at("09:00", "1997-05-12", "1998-05-11", "1999-05-17"),
            complete: false
        ),
        Example(
            title: "Every Thursday in March, forever",
            rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
            start: "1997-03-13T09:00",
            expected: at(
                "09:00",
                "1997-03-13",
                "1997-03-20",
                "1997-03-27",
                "1998-03-05",
                "1998-03-12",
                "1998-03-19",
                "1998-03-26",
                "1999-03-04",
                "1999-03-11",
                "1999-03-18",
                "1999-03-25"
            ),
            complete: false
        ),
        Example(
            title: "Every Thursday, but only during June, July, and August, forever",
            rule: "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
            start: "1997-06-05T09:00",
            expected: at(
                "09:00",
                "1997-06-05",
                "1997-06-12",
                "1997-06-19",
                "1997-06-26",
                "1997-07-03",
                "1997-07-10",
                "1997-07-17",
                "1997-07-24",
                "1997-07-31",
                "1997-08-07",
                "1997-08-14",
                "1997-08-21",
                "1997-08-28",
                "1998-06-04",
                "1998-06-11",
                "1998-06-18",
                "1998-06-25",
                "1998-07-02",
                "1998-07-09",
                "1998-07-16",
                "1998-07-23",
                "1998-07-30",
                "1998-08-06",
                "1998-08-13",
                "1998-08-20",
                "1998-08-27",
                "1999-06-03",
                "1999-06-10",
                "1999-06-17",
                "1999-06-24",
                "1999-07-01",
                "1999-07-08",
                "1999-07-15",
                "1999-07-22",
                "1999-07-29",
                "1999-08-05",
                "1999-08-12",
                "1999-08-19",
                "1999-08-26"
            ),
            complete: false
        ),
        // The RFC also gives EXDATE:19970902T090000; that start does not match the rule anyway.
        Example(
            title: "Every Friday the 13th, forever",
            rule: "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            start: "1997-09-02T09:00",
            expected: at("09:00", "1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"),
            complete: false
        ),
        Example(
            title: "The first Saturday that follows the first Sunday of the month, forever",
            rule: "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
            start: "1997-09-13T09:00",
            expected: at(
                "09:00",
                "1997-09-13",
                "1997-10-11",
                "1997-11-08",
                "1997-12-13",
                "1998-01-10",
                "1998-02-07",
                "1998-03-07",
                "1998-04-11",
                "1998-05-09",
                "1998-06-13"
            ),
            complete: false
        ),
        Example(
            title: "Every 4 years, the first Tuesday after a Monday in November, forever",
            rule: "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
            start: "1996-11-05T09:00",
            expected: at("09:00", "1996-11-05", "2000-11-07", "2004-11-02"),
            complete: false
        ),
        Example(
            title: "The third instance into the month of one of Tuesday, Wednesday, or Thursday, for 3 months",
            rule: "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
            start: "1997-09-04T09:00",
            expected: at("09:00", "1997-09-04", "1997-10-07", "1997-11-06"),
            complete: true
        ),
        Example(
            title: "The second-to-last weekday of the month",
            rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
            start: "1997-09-29T09:00",
            expected: at(
                "09:00",
                "1997-09-29",
                "1997-10-30",
                "1997-11-27",
                "1997-12-30",
                "1998-01-29",
                "1998-02-26",
                "1998-03-30"
            ),
            complete: false
        ),
        // The RFC lists 09:00, 12:00 and 15:00, but UNTIL=17:00Z is 13:00 in New York (EDT): the rule ends after
        // 12:00. This follows the rule, not the listing (a known erratum of the RFC's example).
        Example(
            title: "Every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL as written, not the listing)",
            rule: "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
            start: "1997-09-02T09:00",
            expected: ["1997-09-02 09:00", "1997-09-02 12:00"],
            complete: true
        ),
        Example(
            title: "Every 15 minutes for 6 occurrences",
            rule: "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
            start: "1997-09-02T09:00",
            expected: ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"].map { "1997-09-02 \($0)" },
            complete: true
        ),
        Example(
            title: "Every hour and a half for 4 occurrences",
            rule: "FREQ=MINUTELY;INTERVAL=90;COUNT=4",
            start: "1997-09-02T09:00",
            expected: ["09:00", "10:30", "12:00", "13:30"].map { "1997-09-02 \($0)" },
            complete: true
        ),
        Example(
            title: "Every 20 minutes from 9:00 AM to 4:40 PM every day (daily form)",
            rule: "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
            start: "1997-09-02T09:00",
            expected: twentyMinutes,
            complete: false
        ),
        Example(
            title: "Every 20 minutes from 9:00 AM to 4:40 PM every day (minutely form)",
            rule: "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
            start: "1997-09-02T09:00",
            expected: twentyMinutes,
            complete: false
        ),
        Example(
            title: "WKST makes a difference: Monday",
            rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
            start: "1997-08-05T09:00",
            expected: at("09:00", "1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"),
            complete: true
        ),
        Example(
            title: "WKST makes a difference: Sunday",
            rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
            start: "1997-08-05T09:00",
            expected: at("09:00", "1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"),
            complete: true
        ),
        Example(
            title: "An invalid date (February 30) is ignored",
            rule: "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
            start: "2007-01-15T09:00",
            expected: at("09:00", "2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30"),
            complete: true
        ),
    ]

    /// 09:00 … 16:40 every 20 minutes on 2 September 1997, then the first two of the next day.
    static let twentyMinutes: [String] = {
        var result: [String] = []
        for hour in 9...16 {
            for minute in [0, 20, 40] {
                result.append("1997-09-02 \(hour < 10 ? "0" : "")\(hour):\(minute == 0 ? "00" : String(minute))")
            }
        }
        return result + ["1997-09-03 09:00", "1997-09-03 09:20"]
    }()

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        let rule = try RecurrenceRule(parsing: example.rule)
        let recurrence = RRuleRecurrence(rule: rule, start: LocalDateTime(iso: example.start)!, zone: Self.newYork)
        let limit = example.complete ? example.expected.count + 5 : example.expected.count
        let got = recurrence.occurrences(after: Instant(secondsSinceEpoch: 0), limit: limit).map { instant in
            let local = Self.newYork.localDateTime(at: instant)
            return "\(local.date) \(local.time.shortDescription)"
        }
        #expect(got == example.expected)
    }

    @Test func weeklyExampleKeepsNineOClockAcrossTheEndOfDaylightSaving() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=10")
        let recurrence = RRuleRecurrence(rule: rule, start: LocalDateTime(iso: "1997-09-02T09:00")!, zone: Self.newYork)
        let zoned = recurrence.occurrences(after: Instant(secondsSinceEpoch: 0), limit: 20).map {
            Self.newYork.zoned($0).description
        }
        #expect(zoned[7] == "1997-10-21T09:00:00-04:00")
        #expect(zoned[8] == "1997-10-28T09:00:00-05:00")
        #expect(zoned.count == 10)
    }
}
