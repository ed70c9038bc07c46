public import TicklerCalendar

/// The instants at which a systemd calendar event elapses, computed as `systemd-analyze calendar --base-time`
/// does for a process whose local zone is ``zone``.
///
/// Each occurrence is the next elapse after the previous one, so the sequence is exactly what
/// `systemd-analyze calendar --iterations=N` prints, including its daylight-saving behaviour: wall-clock times
/// skipped by a forward shift do not occur, and a repeated hour occurs once, on the side of the clock the search
/// came from. An event that names its own zone (`… Asia/Ho_Chi_Minh`, `… UTC`) ignores ``zone``.
/// Events end after 2199, as systemd's do, and where systemd gives up (its search does not converge around some
/// daylight-saving changes just after midnight, and it reports "Infinite loop in calendar calculation").
public struct CalendarEventRecurrence: Recurrence, CustomStringConvertible {
    /// The parsed event.
    public let event: CalendarEvent
    /// The zone of wall-clock fields when the event does not name one.
    public let zone: ZoneRules

    /// The elapses of `event`, reading its fields in `zone` unless it names a zone of its own.
    public init(event: CalendarEvent, zone: ZoneRules) {
        self.event = event
        self.zone = zone
    }

    /// Parses `specification` (a zone named at its end is looked up in `zones`) and reads it in `zone`.
    /// - Throws: ``CalendarEventError`` naming the bad part.
    public init(parsing specification: String, zone: ZoneRules, zones: any ZoneSource) throws(CalendarEventError) {
        self.init(event: try CalendarEvent(parsing: specification, zones: zones), zone: zone)
    }

    /// The normalized specification.
    public var description: String { event.description }

    /// The first elapse strictly after `instant`, or nil when there is none.
    public func nextElapse(after instant: Instant) -> Instant? {
        var search = NextElapseSearch(event: event, zone: zone)
        return search.next(after: instant).flatMap { $0 > instant ? $0 : nil }
    }

    public func occurrences(after instant: Instant) -> Occurrences {
        Occurrences(search: NextElapseSearch(event: event, zone: zone), last: instant)
    }

    /// The iterator of ``CalendarEventRecurrence``: each elapse is searched from the previous one.
    public struct Occurrences: IteratorProtocol {
        var search: NextElapseSearch
        var last: Instant?

        public mutating func next() -> Instant? {
            guard let previous = last else { return nil }
            // A result that is not later (never seen with systemd 252, but glibc's guesses around a repeated hour
            // could produce one) ends the sequence rather than break the order callers rely on.
            last = search.next(after: previous).flatMap { $0 > previous ? $0 : nil }
            return last
        }
    }
}
