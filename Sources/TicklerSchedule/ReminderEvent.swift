public import TicklerCalendar

/// One event the daemon reports: an obligation's reminder, due time or overdue repeat for one due instant.
///
/// Its identity for "never fire twice" is (``obligationID``, ``due``, ``stageKey``).
public struct ReminderEvent: Hashable, Sendable, CustomStringConvertible {
    /// The obligation's id.
    public let obligationID: String
    /// The due instant this event belongs to.
    public let due: Instant
    /// Which event of that due instant.
    public let stage: ReminderStage
    /// When the event fires.
    public let fireAt: Instant

    /// An event of `obligationID` for `due`, firing at `fireAt`.
    public init(obligationID: String, due: Instant, stage: ReminderStage, fireAt: Instant) {
        self.obligationID = obligationID
        self.due = due
        self.stage = stage
        self.fireAt = fireAt
    }

    /// `remind-7d`, `due` or `overdue-3`.
    public var stageKey: String { stage.key }

    /// The lead time of a reminder (`7d`, for `TICKLER_LEAD`), nil for other stages.
    public var lead: Period? {
        if case .reminder(let lead) = stage { return lead }
        return nil
    }

    /// The due instant as ISO 8601 with its offset in `zone` (`2027-01-27T08:00:00+07:00`, for `TICKLER_DUE`).
    public func dueText(in zone: ZoneRules) -> String { zone.zoned(due).description }

    /// The human message: `in 7 days: <title> (due 2027-01-27 08:00 +07)`, `due now: …`, `overdue by 3 days: …`.
    public func message(title: String, zone: ZoneRules) -> String {
        let when = zone.zoned(due).humanDescription
        let prefix: String
        switch stage {
        case .reminder:
            prefix = "in " + HumanDuration.text(microseconds: due.microseconds(since: fireAt))
        case .due:
            prefix = "due now"
        case .overdue:
            prefix = "overdue by " + HumanDuration.text(microseconds: fireAt.microseconds(since: due))
        }
        return "\(prefix): \(title) (due \(when))"
    }

    /// The human message for `obligation`, in its zone.
    public func message(for obligation: Obligation) -> String {
        message(title: obligation.title, zone: obligation.zone)
    }

    /// `id due stage at fireAt`, for logs and test failures.
    public var description: String { "\(obligationID) \(due) \(stage.key) at \(fireAt)" }
}
