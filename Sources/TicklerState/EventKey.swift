public import TicklerCalendar

/// The identity of one fired event: obligation, due instant and stage. An event with a key is fired at most once.
///
/// A reminder's stage names its lead by its length, not by how the schedule spells it: `7d`, `1w` and `168h` are
/// all the stage `remind-7d` (see ``canonicalStage(_:)``), so rewriting a lead in the schedule never fires a
/// reminder again.
public struct EventKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The obligation's id.
    public let obligationID: String
    /// The due instant the event belongs to.
    public let due: Instant
    /// The stage's key text in canonical form: `remind-7d`, `remind-90min`, `due`, `overdue-3`.
    public let stage: String

    /// The key of the `stage` event of `obligationID` due at `due`; `stage` is brought to its canonical form.
    public init(obligationID: String, due: Instant, stage: String) {
        self.obligationID = obligationID
        self.due = due
        self.stage = Self.canonicalStage(stage)
    }

    public var description: String { "\(obligationID)@\(due)/\(stage)" }

    public static func < (lhs: EventKey, rhs: EventKey) -> Bool {
        (lhs.obligationID, lhs.due, lhs.stage) < (rhs.obligationID, rhs.due, rhs.stage)
    }

    /// The canonical spelling of a stage key: a reminder's lead (`remind-<count><unit>`, unit `s`, `min`, `h`, `d`
    /// or `w`) in the largest of days, hours, minutes and seconds that counts it whole (`remind-1w` and
    /// `remind-168h` are `remind-7d`, `remind-120s` is `remind-2min`, `remind-90min` stays); any other key as it is.
    ///
    /// Days are the canonical unit because the schedule's leads are mostly written in days, so the keys the first
    /// releases stored (`remind-30d`, `remind-7d`, `remind-1d`) are already canonical.
    public static func canonicalStage(_ stage: String) -> String {
        let prefix = "remind-"
        guard stage.hasPrefix(prefix) else { return stage }
        let lead = stage.utf8.dropFirst(prefix.utf8.count)
        let digits = lead.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        // At most 12 digits: 999,999,999,999 weeks in seconds still fits in Int64.
        guard !digits.isEmpty, digits.count <= 12 else { return stage }
        var count: Int64 = 0
        for digit in digits { count = count * 10 + Int64(digit - UInt8(ascii: "0")) }
        let unitSeconds: Int64
        switch String(decoding: lead.dropFirst(digits.count), as: UTF8.self) {
        case "s": unitSeconds = 1
        case "min": unitSeconds = 60
        case "h": unitSeconds = 3600
        case "d": unitSeconds = 86_400
        case "w": unitSeconds = 604_800
        default: return stage
        }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: unitSeconds)
        guard !overflow, seconds > 0 else { return stage }
        for (length, unit) in [(Int64(86_400), "d"), (3600, "h"), (60, "min")] where seconds % length == 0 {
            return "\(prefix)\(seconds / length)\(unit)"
        }
        return "\(prefix)\(seconds)s"
    }
}
