import TicklerCalendar
import TicklerControlProtocol
import TicklerPlatform
import TicklerSchedule

/// Times of the daemon's views (microseconds since the epoch, with a zone identifier) as ticklerctl shows them.
enum DaemonTime {
    /// The rules of zone `identifier`, or the system's when this machine lacks it.
    static func zone(_ identifier: String) -> ZoneRules {
        (try? ZoneDatabase.shared.rules(for: identifier)) ?? ZoneDatabase.shared.systemRules()
    }

    /// The system zone's identifier, for times that belong to no obligation.
    static var systemZone: String { ZoneDatabase.shared.systemRules().identifier }

    /// `2027-01-28 08:00 +07`, in `zone`.
    static func human(_ microseconds: Int64, zone identifier: String) -> String {
        zone(identifier).zoned(Instant(microsecondsSinceEpoch: microseconds)).humanDescription
    }

    /// `2027-01-28T08:00:00+07:00`, in `zone`, for `--json`.
    static func iso(_ microseconds: Int64, zone identifier: String) -> String {
        zone(identifier).zoned(Instant(microsecondsSinceEpoch: microseconds)).description
    }

    /// An optional time for `--json`: ISO 8601, or null.
    static func iso(_ microseconds: Int64?, zone identifier: String) -> JSONValue {
        .optional(microseconds.map { iso($0, zone: identifier) })
    }

    /// How far `microseconds` is from `now`: `2 days 3 hours`, or `3 hours ago` for a time past.
    static func left(_ microseconds: Int64, now: Instant) -> String {
        let distance = Instant(microsecondsSinceEpoch: microseconds).microseconds(since: now)
        return distance >= 0
            ? HumanDuration.text(microseconds: distance) : HumanDuration.text(microseconds: -distance) + " ago"
    }

    /// An occurrence's state as the tables show it, with the snooze's end: `snoozed until 2027-01-29 08:00 +07`.
    static func state(_ state: OccurrenceState?, snoozedUntil: Int64?, zone identifier: String) -> String {
        guard let state else { return "-" }
        guard state == .snoozed, let snoozedUntil else { return state.name }
        return "snoozed until " + human(snoozedUntil, zone: identifier)
    }
}
