public import TicklerCalendar

/// How a person ended an occurrence, as ticklerd's history tells it: the export marks it in the calendar.
public enum OccurrenceResolution: Sendable, Hashable {
    /// Done, acknowledged at this instant: each VALARM of the event carries `ACKNOWLEDGED` (RFC 9074 §6).
    case acknowledged(at: Instant)
    /// Skipped at this instant: the event's `STATUS` is `CANCELLED`.
    case skipped(at: Instant)

    /// The resolution of each occurrence after replaying an obligation's history, oldest first: an
    /// acknowledgement or a skip ends the occurrence, a reopening takes that back.
    /// - Parameter events: each `(event name, occurrence due, when)`, with the `TICKLER_EVENT=` names.
    /// - Returns: the resolution of each due instant that is ended now.
    public static func replay(_ events: [(event: String, due: Instant, at: Instant)]) -> [Instant: OccurrenceResolution]
    {
        var result: [Instant: OccurrenceResolution] = [:]
        for entry in events {
            switch entry.event {
            case "acknowledged": result[entry.due] = .acknowledged(at: entry.at)
            case "skipped": result[entry.due] = .skipped(at: entry.at)
            case "reopened": result[entry.due] = nil
            default: break
            }
        }
        return result
    }
}
