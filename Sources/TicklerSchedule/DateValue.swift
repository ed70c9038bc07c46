public import TicklerCalendar

/// What a date key holds: a whole day, a wall-clock date and time, or an instant written with an offset.
public enum DateValue: Hashable, Sendable {
    /// `2014-12-15`: the day, at the obligation's `at`.
    case date(CivilDate)
    /// `2014-12-15T08:00`: a wall-clock time in the obligation's zone.
    case local(LocalDateTime)
    /// `2014-12-15T08:00:00+07:00`: one instant.
    case instant(Instant)

    /// Reads ISO 8601 text: a date, a local date-time, or a date-time with an offset; nil when it is none.
    public init?(iso text: String) {
        // The three forms exclude each other; the plain date, the most common, is tried first.
        if let date = CivilDate(iso: text) {
            self = .date(date)
        } else if let zoned = ZonedDateTime(iso: text) {
            self = .instant(zoned.instant)
        } else if let local = LocalDateTime(iso: text) {
            self = .local(local)
        } else {
            return nil
        }
    }

    /// The wall-clock time meant: a day at `time`; an instant read in `zone`.
    public func local(at time: TimeOfDay, in zone: ZoneRules) -> LocalDateTime {
        switch self {
        case .date(let date): LocalDateTime(date: date, time: time)
        case .local(let local): local
        case .instant(let instant): zone.localDateTime(at: instant)
        }
    }

    /// The last wall-clock moment meant: a day up to its end (an `until` date includes that whole day).
    public func inclusiveEnd(in zone: ZoneRules) -> LocalDateTime {
        switch self {
        case .date(let date):
            LocalDateTime(date: date, time: TimeOfDay(unchecked: 23, 59, 59, 999_999))
        case .local, .instant:
            local(at: .midnight, in: zone)
        }
    }

    /// The local date in `zone`.
    public func date(in zone: ZoneRules) -> CivilDate {
        local(at: .midnight, in: zone).date
    }
}
