public import TicklerCalendar

/// Which of an obligation's events for one due instant: a reminder ahead of it, the due time, or an overdue repeat.
public enum ReminderStage: Hashable, Sendable, CustomStringConvertible {
    /// A reminder `lead` before the due time.
    case reminder(lead: Period)
    /// The due time itself.
    case due
    /// The k-th repeat after the due time (k ≥ 1), at due + k · overdue-every, while that is at most
    /// ``overdueWindowMicroseconds`` after the due time.
    case overdue(Int)

    /// How long after its due time an occurrence stays overdue: the overdue repeats stop there, and `STATUS=`
    /// counts an obligation as overdue while one of its due times is this recent. 30 days; the one definition.
    public static let overdueWindowMicroseconds: Int64 = 30 * 86_400 * 1_000_000

    /// The stage's part of an event's identity: `remind-7d`, `due`, `overdue-3`.
    public var key: String {
        switch self {
        case .reminder(let lead): "remind-\(lead)"
        case .due: "due"
        case .overdue(let count): "overdue-\(count)"
        }
    }

    /// The journal's `TICKLER_EVENT` value: `reminder`, `due` or `overdue`.
    public var eventKind: String {
        switch self {
        case .reminder: "reminder"
        case .due: "due"
        case .overdue: "overdue"
        }
    }

    /// Reads a ``key`` back (`remind-7d`, `due`, `overdue-3`), or nil when it is not one.
    public init?(key: String) {
        if key == "due" {
            self = .due
        } else if key.hasPrefix("remind-"), let lead = try? Period.parse(String(key.dropFirst(7))), !lead.isZero {
            self = .reminder(lead: lead)
        } else if key.hasPrefix("overdue-"), let count = Int(key.dropFirst(8)), count >= 1,
            key.dropFirst(8).allSatisfy(\.isASCII)
        {
            self = .overdue(count)
        } else {
            return nil
        }
    }

    public var description: String { key }
}
