import ArgumentParser
import TicklerCalendar

/// Reads the `--after` option shared by the verbs: an ISO 8601 date or date-time, with or without an offset, or `now`.
enum AfterOption {
    /// The instant `text` names (now when absent), reading times without an offset in `zone`.
    /// - Throws: a validation error naming the option and the bad text.
    static func instant(_ text: String?, zone: ZoneRules, now: Instant = .now()) throws -> Instant {
        guard let text, text != "now" else { return now }
        guard let instant = zone.instant(parsing: text) else {
            throw ValidationError("--after: \"\(text)\" is not an ISO 8601 date or date-time (2027-01-27T08:00)")
        }
        return instant
    }
}
