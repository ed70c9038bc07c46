import Testing
import TicklerCalendar
import TicklerOnCalendar
import TicklerPlatform

@Suite("Calendar event syntax")
struct CalendarEventParsingTests {
    /// Specifications and the normalized form systemd-analyze 252 prints for them.
    static let normalizedForms: [(String, String)] = [
        ("Mon..Fri", "Mon..Fri *-*-* 00:00:00"),
        ("Sat,Sun 20:00", "Sat,Sun *-*-* 20:00:00"),
        ("Mon-Wed", "Mon..Wed *-*-* 00:00:00"),
        ("mon,wednesday..friday 9:00", "Mon,Wed..Fri *-*-* 09:00:00"),
        ("Mon *-*-01..07 09:00", "Mon *-*-01..07 09:00:00"),
        ("*-*-1/2", "*-*-01/2 00:00:00"),
        ("*:0/15", "*-*-* *:00/15:00"),
        ("*-02~03", "*-02~03 00:00:00"),
        ("Mon *-05~07/1", "Mon *-05~07/1 00:00:00"),
        ("*-*~01..03", "*-*~01..03 00:00:00"),
        ("12:00:1.5", "*-*-* 12:00:01.500000"),
        ("*:*:0/0.5", "*-*-* *:*:00/0.500000"),
        ("2026-01-30 09:00", "2026-01-30 09:00:00"),
        ("26-01-30", "2026-01-30 00:00:00"),
        ("85-01-30", "1985-01-30 00:00:00"),
        ("@1700000000", "2023-11-14 22:13:20 UTC"),
        ("2020..2025/2-01-01", "2020..2024/2-01-01 00:00:00"),
        ("*-*-3,1,2,1", "*-*-01,02,03 00:00:00"),
        ("08:30 UTC", "*-*-* 08:30:00 UTC"),
        ("daily Asia/Ho_Chi_Minh", "*-*-* 00:00:00 Asia/Ho_Chi_Minh"),
        ("Mon,Tue 09:00 utc", "Mon,Tue *-*-* 09:00:00 UTC"),
        ("minutely", "*-*-* *:*:00"),
        ("hourly", "*-*-* *:00:00"),
        ("daily", "*-*-* 00:00:00"),
        ("weekly", "Mon *-*-* 00:00:00"),
        ("monthly", "*-*-01 00:00:00"),
        ("yearly", "*-01-01 00:00:00"),
        ("annually", "*-01-01 00:00:00"),
        ("quarterly", "*-01,04,07,10-01 00:00:00"),
        ("semiannually", "*-01,07-01 00:00:00"),
        ("Semi-Annually", "*-01,07-01 00:00:00"),
        ("Mon..Sun 12:00", "*-*-* 12:00:00"),
    ]

    @Test(arguments: normalizedForms)
    func normalizedForm(_ specification: String, _ expected: String) throws {
        #expect(try CalendarEvent(parsing: specification, zones: ZoneDatabase.shared).description == expected)
    }

    /// Invalid specifications and the message, which names the bad part.
    static let errors: [(String, String)] = [
        ("*-*-* 25:00", "25: hour must be 0…23"),
        ("Mon..Fry", "Fry: unknown weekday (expected Mon, Tue, … or Sun)"),
        ("*-13-01", "13: month must be 1…12"),
        ("*-*-5..3", "5..3: the range must go forward and fit one repetition"),
        ("1969-01-01", "1969: year must be 1970…2199"),
        ("*-*-1/0", "1/0: the repetition must not be zero"),
        (
            "12:00 Mars/Olympus",
            "Mars/Olympus: unknown time zone (expected an IANA name such as Asia/Ho_Chi_Minh, or UTC)"
        ),
        ("", "empty calendar event"),
        ("*-*~29", "29: days before the end of the month must be 1…28"),
        ("Sat..Mon", "Sat..Mon: a weekday range must go forward, such as Mon..Fri"),
        ("*/5-01-01", "*/5-01-01: a repetition starts from a value, not \"*\" (write 0/5 or 1/2)"),
        ("epoch", "epoch: expected a weekday (Mon…Sun), a shorthand such as daily, or a date"),
        ("*-*-* 12:60", "60: minute must be 0…59"),
        ("*-*-* *:*:60", "60: second must be 0…59"),
        ("12:00:1..1.5", "1..1.5: a range of seconds must span at least one second"),
        ("Mon *-*-* 9", "9: expected a time such as 09:00 (hour:minute[:second])"),
        ("*-02~03/5", "3/5: the repetition goes past the range of the day (1…28)"),
        ("Mon..", "Mon..: weekday range has no end"),
    ]

    @Test(arguments: errors)
    func errorNamesTheBadPart(_ specification: String, _ message: String) {
        #expect(throws: CalendarEventError.self) {
            try CalendarEvent(parsing: specification, zones: ZoneDatabase.shared)
        }
        do {
            _ = try CalendarEvent(parsing: specification, zones: ZoneDatabase.shared)
        } catch {
            #expect(error.description == message)
            #expect(error.specification == specification)
        }
    }

    @Test func fieldsOfAFullSpecification() throws {
        let event = try CalendarEvent(parsing: "Mon,Fri 2027..2029-*-01..07/2 09:00:30", zones: ZoneDatabase.shared)
        #expect(event.weekdays == 0b1_0001)
        #expect(event.year == [CalendarComponent(start: 2027, stop: 2029, repeat: 1)])
        #expect(event.month == nil)
        #expect(event.day == [CalendarComponent(start: 1, stop: 7, repeat: 2)])
        #expect(event.hour == [CalendarComponent(start: 9)])
        #expect(event.minute == [CalendarComponent(start: 0)])
        #expect(event.second == [CalendarComponent(start: 30_000_000)])
        #expect(event.zone == .local)
    }

    @Test func trailingZoneIsRecognised() throws {
        let named = try CalendarEvent(parsing: "09:00 Asia/Tokyo", zones: ZoneDatabase.shared)
        guard case .named(let rules) = named.zone else {
            Issue.record("expected a named zone")
            return
        }
        #expect(rules.identifier == "Asia/Tokyo")
        #expect(try CalendarEvent(parsing: "09:00 UTC", zones: ZoneDatabase.shared).zone == .utc)
    }

    @Test func zoneLookupIsInjectable() throws {
        let zones = InMemoryZoneSource([.fixed(offsetSeconds: 3600, identifier: "Test/Zone")])
        let event = try CalendarEvent(parsing: "09:00 Test/Zone", zones: zones)
        #expect(event.description == "*-*-* 09:00:00 Test/Zone")
        #expect(throws: CalendarEventError.self) { try CalendarEvent(parsing: "09:00 Asia/Tokyo", zones: zones) }
    }
}
