import Testing
import TicklerCalendar
import TicklerICalendar
import TicklerSchedule

/// Whole calendars from schedules: events, UIDs, stamps, alarms, zones and the limits.
@Suite("iCalendar export of a schedule")
struct CalendarExportTests {
    /// A schedule of two obligations in Asia/Ho_Chi_Minh and one in America/New_York.
    private let text = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"
        at = "08:00"
        remind = ["30d", "7d", "1d"]

        [[obligation]]
        id = "labour-agreement-van-son"
        title = "Gia hạn Thỏa thuận; quản lý lao động, với châu Văn Sơn"
        partner = "Châu Văn Sơn, Vân Nam"
        owner = "Phòng Lãnh sự"
        notes = "Bản gốc\\ntại tủ 3"
        category = "agreements"
        every = "1y"
        start = "2014-12-15"

        [[obligation]]
        id = "greetings-bach-sac"
        title = "Thư chúc mừng 百色市"
        once = "2027-01-20T09:30"
        remind = []

        [[obligation]]
        id = "hourly-new-york"
        title = "Hourly"
        timezone = "America/New_York"
        every = "1h"
        start = "2026-11-01T00:00"
        until = "2026-11-01T03:00"
        remind = ["90min"]
        """

    /// The schedule in `text`, loaded with UTC as the system zone.
    private func schedule(_ text: String) throws -> Schedule {
        try ScheduleLoader(systemZone: .utc).load(text: text, path: "/etc/tickler/schedule.toml")
    }

    /// The instant written in ISO 8601 with an offset.
    private func instant(_ text: String) throws -> Instant {
        try #require(ZonedDateTime(iso: text)).instant
    }

    /// The export of `schedule` from `after` for `days`, stamped `stamp`, as logical (unfolded) lines.
    private func export(
        _ schedule: Schedule,
        after: String = "2026-06-01T00:00Z",
        days: Int64 = 400,
        stamp: String = "2026-01-01T00:00Z"
    ) throws -> [String] {
        let start = try instant(after)
        let calendar = CalendarExport(
            obligations: schedule.obligations,
            after: start,
            before: start.adding(seconds: days * 86_400),
            stamp: try instant(stamp)
        )
        let octets = try calendar.render()
        return String(decoding: octets, as: UTF8.self).replacing("\r\n ", with: "").split(separator: "\r\n").map(
            String.init
        )
    }

    /// The lines of each VEVENT, in order.
    private func events(_ lines: [String]) -> [[String]] {
        var result: [[String]] = []
        var current: [String]?
        var depth = 0
        for line in lines {
            if line == "BEGIN:VEVENT" { current = [] }
            if current != nil {
                if line.hasPrefix("BEGIN:") { depth += 1 }
                if line.hasPrefix("END:") { depth -= 1 }
                current?.append(line)
                if depth == 0, let event = current {
                    result.append(event)
                    current = nil
                }
            }
        }
        return result
    }

    @Test("the calendar's frame: VERSION, PRODID, one VTIMEZONE per zone used, one VEVENT per occurrence")
    func frame() throws {
        let lines = try export(try schedule(text))
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains("PRODID:-//Tickler//ticklerctl export//EN"))
        // Zones in the order of their first event.
        #expect(lines.filter { $0.hasPrefix("TZID:") } == ["TZID:America/New_York", "TZID:Asia/Ho_Chi_Minh"])
        // 2026-12-15, the once on 2027-01-20, and five hourly ones: 00:00, 01:00 EDT, 01:00 EST, 02:00, 03:00.
        let starts = events(lines).compactMap { $0.first { $0.hasPrefix("DTSTART") } }
        #expect(
            starts == [
                "DTSTART;TZID=America/New_York:20261101T000000",
                "DTSTART;TZID=America/New_York:20261101T010000",
                // The second 01:00, after the clocks went back: a TZID time would mean the first, so it is in UTC.
                "DTSTART:20261101T060000Z",
                "DTSTART;TZID=America/New_York:20261101T020000",
                "DTSTART;TZID=America/New_York:20261101T030000",
                "DTSTART;TZID=Asia/Ho_Chi_Minh:20261215T080000",
                "DTSTART;TZID=Asia/Ho_Chi_Minh:20270120T093000",
            ]
        )
    }

    @Test("an event: UID, DTSTAMP, DURATION, escaped SUMMARY and DESCRIPTION, CATEGORIES, STATUS, one VALARM a lead")
    func event() throws {
        let event = try #require(
            events(try export(try schedule(text))).first { $0.contains { $0.contains("van-son") } }
        )
        #expect(event.contains("UID:labour-agreement-van-son/20261215T010000Z@tickler"))
        #expect(event.contains("DTSTAMP:20260101T000000Z"))
        #expect(event.contains("DURATION:PT1H"))
        #expect(event.contains("SUMMARY:Gia hạn Thỏa thuận\\; quản lý lao động\\, với châu Văn Sơn"))
        let description = try #require(event.first { $0.hasPrefix("DESCRIPTION:Partner") })
        #expect(
            description
                == "DESCRIPTION:Partner: Châu Văn Sơn\\, Vân Nam\\nOwner: Phòng Lãnh sự\\nNotes: Bản gốc\\ntại tủ 3"
                + "\\nRecurrence: every 1y from 2014-12-15 08:00\\nDue: 2026-12-15 08:00 +07 (Asia/Ho_Chi_Minh)"
                + "\\nAcknowledge: ticklerctl ack labour-agreement-van-son --due 2026-12-15T08:00:00+07:00"
        )
        #expect(event.contains("CATEGORIES:agreements"))
        #expect(event.contains("STATUS:CONFIRMED"))
        #expect(event.filter { $0 == "BEGIN:VALARM" }.count == 3)
        #expect(event.filter { $0.hasPrefix("TRIGGER:") } == ["TRIGGER:-P30D", "TRIGGER:-P7D", "TRIGGER:-P1D"])
        #expect(event.filter { $0 == "ACTION:DISPLAY" }.count == 3)
        #expect(
            event.contains(
                "DESCRIPTION:in 7 days: Gia hạn Thỏa thuận\\; quản lý lao động\\, với châu Văn Sơn (due 2026-12-15 08:00 +07)"
            )
        )
        #expect(event.contains("UID:labour-agreement-van-son/20261215T010000Z/remind-7d@tickler"))
        // Nothing is acknowledged before the lifecycle exists (RFC 9074 ACKNOWLEDGED comes with it).
        #expect(!event.contains { $0.hasPrefix("ACKNOWLEDGED") })
    }

    @Test("UIDs depend only on the obligation and the due time: not on the stamp, the window or the order")
    func uidStability() throws {
        let loaded = try schedule(text)
        let first = try export(loaded, stamp: "2026-01-01T00:00Z")
        let later = try export(loaded, stamp: "2026-05-31T12:34:56Z")
        let uids = first.filter { $0.hasPrefix("UID:") }
        #expect(uids.count == 7 + 3 + 5)  // events, then the VALARMs: 3 leads once, 1 lead five times
        #expect(Set(uids).count == uids.count)
        #expect(later.filter { $0.hasPrefix("UID:") } == uids)
        // Only the stamps differ.
        #expect(zip(first, later).filter { $0 != $1 }.allSatisfy { $0.0.hasPrefix("DTSTAMP:") })
        #expect(first.count == later.count)
        // A later window, and the obligations in another order (as after editing the files), keep the UIDs.
        let reordered = Schedule(obligations: loaded.obligations.reversed())
        let shifted = try export(reordered, after: "2026-12-01T00:00Z")
        let shiftedUIDs = Set(shifted.filter { $0.hasPrefix("UID:") })
        #expect(shiftedUIDs.contains("UID:labour-agreement-van-son/20261215T010000Z@tickler"))
        #expect(shiftedUIDs.contains("UID:greetings-bach-sac/20270120T023000Z@tickler"))
        #expect(
            CalendarOccurrence.uid(obligationID: "x", due: try instant("2027-01-20T09:30:00.25+07:00"))
                == "x/20270120T023000.250000Z@tickler"
        )
    }

    @Test("the same input gives the same octets")
    func reproducible() throws {
        let loaded = try schedule(text)
        #expect(try export(loaded) == export(loaded))
    }

    @Test("UTC obligations are written in UTC, with no VTIMEZONE")
    func utc() throws {
        let lines = try export(
            try schedule(
                """
                [[obligation]]
                id = "weekly"
                title = "Weekly"
                timezone = "UTC"
                every = "1w"
                start = "2026-06-03T23:30"
                """
            ),
            days: 14
        )
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
        #expect(lines.filter { $0.hasPrefix("DTSTART") } == ["DTSTART:20260603T233000Z", "DTSTART:20260610T233000Z"])
    }

    @Test("more events than the limit is an error, not a cut")
    func eventLimit() throws {
        let loaded = try schedule(
            """
            [[obligation]]
            id = "every-second"
            title = "Too often"
            every = "1s"
            start = "2026-01-01T00:00"
            """
        )
        let start = try instant("2026-06-01T00:00Z")
        let calendar = CalendarExport(
            obligations: loaded.obligations,
            after: start,
            before: start.adding(seconds: 400 * 86_400),
            stamp: start
        )
        #expect(throws: CalendarExportError.tooManyEvents(limit: 100_000)) { try calendar.render() }
        // Nine occurrences strictly inside ten seconds: a limit of eight refuses them, nine takes them.
        let small = CalendarExport(
            obligations: loaded.obligations,
            after: start,
            before: start.adding(seconds: 10),
            stamp: start,
            eventLimit: 8
        )
        #expect(throws: CalendarExportError.tooManyEvents(limit: 8)) { try small.occurrences() }
        let exact = CalendarExport(
            obligations: loaded.obligations,
            after: start,
            before: start.adding(seconds: 10),
            stamp: start,
            eventLimit: 9
        )
        #expect(try exact.occurrences().count == 9)
    }

    @Test("a window past year 9999 is refused")
    func yearLimit() throws {
        let start = try instant("9999-06-01T00:00Z")
        let calendar = CalendarExport(
            obligations: [],
            after: start,
            before: start.adding(seconds: 400 * 86_400),
            stamp: start
        )
        #expect(throws: CalendarExportError.yearOutOfRange(10000)) { try calendar.render() }
    }
}

/// Replaying an obligation's history: the last of acknowledgement, skip and reopening decides.
@Suite("Occurrence resolutions from history")
struct OccurrenceResolutionTests {
    @Test func theLastActionDecidesAndFiredEventsChangeNothing() {
        let (first, second, third) = (
            Instant(secondsSinceEpoch: 1_000), Instant(secondsSinceEpoch: 2_000), Instant(secondsSinceEpoch: 3_000)
        )
        let at = { (seconds: Int64) in Instant(secondsSinceEpoch: seconds) }
        let replayed = OccurrenceResolution.replay([
            ("reminder", first, at(10)),
            ("acknowledged", first, at(20)),
            ("skipped", second, at(30)),
            ("reopened", second, at(40)),
            ("acknowledged", second, at(50)),
            ("acknowledged", third, at(60)),
            ("reopened", third, at(70)),
            ("overdue", third, at(80)),
        ])
        #expect(replayed == [first: .acknowledged(at: at(20)), second: .acknowledged(at: at(50))])
        #expect(OccurrenceResolution.replay([("skipped", first, at(5))]) == [first: .skipped(at: at(5))])
    }
}
