import ArgumentParser
import TicklerCalendar
import TicklerPlatform

/// Reads the `--after` option shared by the verbs: an ISO 8601 date or date-time, with or without an offset, or `now`.
enum AfterOption {
    /// What `--after` accepts, for error messages.
    static let expected = "expected an ISO 8601 date or date-time, such as 2027-01-27 or 2027-01-27T08:00"

    /// The instant `text` names, reading times without an offset in `zone`; nil when it is not one.
    static func parse(_ text: String, zone: ZoneRules, now: Instant) -> Instant? {
        text == "now" ? now : zone.instant(parsing: text)
    }

    /// The instant `text` names (now when absent), reading times without an offset in `zone`.
    /// - Throws: a validation error naming the option and the bad text.
    static func instant(_ text: String?, zone: ZoneRules, now: Instant = .now()) throws -> Instant {
        guard let text else { return now }
        guard let instant = parse(text, zone: zone, now: now) else {
            throw ValidationError("--after: \(text): \(expected)")
        }
        return instant
    }
}
