public import TicklerCalendar

extension ICalendarWriter {
    /// The most transitions one VTIMEZONE lists; ten years of a zone with daylight time have about twenty.
    public static let maximumTransitions = 10_000

    /// A VTIMEZONE for `zone` that is exact from `windowStart` through `windowEnd`, generated from the zone's rules.
    ///
    /// The first sub-component is the last change of offset at or before `windowStart` (so the offset in force at the
    /// start is defined), then one per change up to `windowEnd`; each is a STANDARD or DAYLIGHT with its DTSTART in the
    /// local time before the change (in terms of TZOFFSETFROM, RFC 5545 §3.6.5) and no RRULE, so a reader needs no
    /// rule arithmetic. A zone that has never changed its offset gets one STANDARD from 1970 (or from before
    /// `windowStart`, if that is earlier).
    public mutating func timeZone(_ zone: ZoneRules, from windowStart: Instant, through windowEnd: Instant) {
        begin("VTIMEZONE")
        property("TZID", ICalendarText.escaped(zone.identifier))
        if let first = zone.lastTransition(atOrBefore: windowStart) {
            transition(first)
        } else {
            let offset = zone.offsetSeconds(at: windowStart)
            let epoch = LocalDateTime(localMicroseconds: 0)
            let before = ZoneRules.utc.localDateTime(at: windowStart).adding(seconds: -86_400)
            begin("STANDARD")
            property("DTSTART", ICalendarFormat.dateTime(min(epoch, before)))
            property("TZOFFSETFROM", ICalendarFormat.utcOffset(seconds: offset))
            property("TZOFFSETTO", ICalendarFormat.utcOffset(seconds: offset))
            end("STANDARD")
        }
        for change in zone.transitions(after: windowStart, through: windowEnd, limit: Self.maximumTransitions) {
            transition(change)
        }
        end("VTIMEZONE")
    }

    /// One STANDARD or DAYLIGHT sub-component for `change`.
    private mutating func transition(_ change: ZoneTransition) {
        let kind = change.isDaylightSaving ? "DAYLIGHT" : "STANDARD"
        let onset = ZonedDateTime(instant: change.instant, offsetSeconds: change.offsetBefore).local
        begin(kind)
        property("DTSTART", ICalendarFormat.dateTime(onset))
        property("TZOFFSETFROM", ICalendarFormat.utcOffset(seconds: change.offsetBefore))
        property("TZOFFSETTO", ICalendarFormat.utcOffset(seconds: change.offsetAfter))
        end(kind)
    }
}
