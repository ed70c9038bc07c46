import Testing
import TicklerCalendar
import TicklerICalendar
import TicklerPlatform

/// VTIMEZONE components generated from the zone rules, and the transitions they come from.
@Suite("iCalendar VTIMEZONE from the zone rules")
struct ICalendarTimeZoneTests {
    /// The instant written in ISO 8601 with an offset.
    private func instant(_ text: String) throws -> Instant {
        try #require(ZonedDateTime(iso: text)).instant
    }

    /// The VTIMEZONE of `zone` for the window, as lines without their CRLF.
    private func lines(_ zone: String, from start: String, through end: String) throws -> [String] {
        var writer = ICalendarWriter()
        writer.timeZone(try ZoneDatabase.shared.rules(for: zone), from: try instant(start), through: try instant(end))
        #expect(writer.text.hasSuffix("\r\n"))
        return writer.text.split(separator: "\r\n").map(String.init)
    }

    @Test("Asia/Ho_Chi_Minh has no daylight time: one STANDARD, the 1975 change to +07")
    func hoChiMinhCity() throws {
        #expect(
            try lines("Asia/Ho_Chi_Minh", from: "2027-01-01T00:00+07:00", through: "2037-01-01T00:00+07:00") == [
                "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh",
                "BEGIN:STANDARD", "DTSTART:19750613T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0700", "END:STANDARD",
                "END:VTIMEZONE",
            ]
        )
    }

    @Test("America/New_York: the change before the window, then each switch in it, in local time before it")
    func newYork() throws {
        #expect(
            try lines("America/New_York", from: "2027-01-01T00:00-05:00", through: "2028-01-01T00:00-05:00") == [
                "BEGIN:VTIMEZONE", "TZID:America/New_York",
                "BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:20270314T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:20271107T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
                "END:VTIMEZONE",
            ]
        )
    }

    @Test("ten years of a DST zone: twenty switches and the one before, alternating")
    func tenYearsOfSydney() throws {
        let text = try lines("Australia/Sydney", from: "2027-01-01T00:00+11:00", through: "2037-01-01T00:00+11:00")
        let kinds = text.filter { $0 == "BEGIN:STANDARD" || $0 == "BEGIN:DAYLIGHT" }
        #expect(kinds.count == 21)
        #expect(zip(kinds, kinds.dropFirst()).allSatisfy { $0 != $1 })
        #expect(text.filter { $0 == "TZOFFSETTO:+1100" }.count == 11)
    }

    @Test("a zone that never changed its offset gets one STANDARD from 1970")
    func fixedZone() throws {
        #expect(
            try lines("Etc/GMT-7", from: "2027-01-01T00:00+07:00", through: "2028-01-01T00:00+07:00") == [
                "BEGIN:VTIMEZONE", "TZID:Etc/GMT-7",
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "END:STANDARD",
                "END:VTIMEZONE",
            ]
        )
    }

    @Test("transitions: the instants, the offsets either side and which is daylight time")
    func transitions() throws {
        let zone = try ZoneDatabase.shared.rules(for: "America/New_York")
        let found = zone.transitions(
            after: try instant("2027-01-01T00:00Z"),
            through: try instant("2027-12-31T00:00Z"),
            limit: 10
        )
        #expect(
            found == [
                ZoneTransition(
                    instant: try instant("2027-03-14T07:00Z"),
                    offsetBefore: -18_000,
                    offsetAfter: -14_400,
                    isDaylightSaving: true
                ),
                ZoneTransition(
                    instant: try instant("2027-11-07T06:00Z"),
                    offsetBefore: -14_400,
                    offsetAfter: -18_000,
                    isDaylightSaving: false
                ),
            ]
        )
        #expect(
            zone.transitions(
                after: try instant("2027-01-01T00:00Z"),
                through: try instant("2027-12-31T00:00Z"),
                limit: 1
            ).count == 1
        )
        #expect(zone.lastTransition(atOrBefore: try instant("2027-03-14T07:00Z"))?.offsetAfter == -14_400)
        #expect(zone.lastTransition(atOrBefore: try instant("2027-03-14T06:59:59Z"))?.offsetAfter == -18_000)
        #expect(ZoneRules.utc.lastTransition(atOrBefore: try instant("2027-01-01T00:00Z")) == nil)
    }
}
