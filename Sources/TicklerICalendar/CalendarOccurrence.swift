public import TicklerCalendar
public import TicklerSchedule

/// One due instant of one obligation: a VEVENT of the export.
public struct CalendarOccurrence: Sendable {
    /// The obligation.
    public let obligation: Obligation
    /// The due instant.
    public let due: Instant

    /// The occurrence of `obligation` due at `due`.
    public init(obligation: Obligation, due: Instant) {
        self.obligation = obligation
        self.due = due
    }

    /// The VEVENT's UID: `<obligation-id>/<due in UTC, basic format>@tickler`, `labour-agreement-van-son/
    /// 20291215T010000Z@tickler`, with `.ffffff` before the `Z` only when the due time has a fraction of a second.
    ///
    /// It depends on nothing but the obligation's id and the due instant, so it is the same in every export, after
    /// every reload, and a calendar client that subscribes updates events in place rather than duplicating them.
    public var uid: String {
        Self.uid(obligationID: obligation.id, due: due)
    }

    /// The UID of the occurrence of `obligationID` due at `due` (see ``uid``).
    public static func uid(obligationID: String, due: Instant) -> String {
        "\(obligationID)/\(utcStamp(due))@tickler"
    }

    /// The due instant in UTC, basic format, with the fraction of a second when there is one.
    static func utcStamp(_ due: Instant) -> String {
        var text = ICalendarFormat.utc(due)
        let fraction = due.microsecondsSinceEpoch - due.secondsSinceEpoch * 1_000_000
        if fraction != 0 {
            let digits = String(fraction)
            text.insert(
                contentsOf: "." + String(repeating: "0", count: 6 - digits.count) + digits,
                at: text.index(before: text.endIndex)
            )
        }
        return text
    }
}
