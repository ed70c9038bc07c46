import TicklerJournalSchema

/// One event of ticklerd to deliver: a reminder, due, overdue or escalation entry with the channels it is routed to.
///
/// It is read from the journal entry's Tickler fields and kept in the delivery log as its fields, so that a
/// delivery can be retried after a restart without the journal.
public struct DeliveryEvent: Sendable, Hashable, Codable {
    /// The `TICKLER_EVENT` kinds that are delivered.
    public static let deliveredKinds = ["reminder", "due", "overdue", "escalated"]

    /// `TICKLER_EVENT`: `reminder`, `due`, `overdue` or `escalated`.
    public var kind: String
    /// `TICKLER_OBLIGATION`.
    public var obligation: String
    /// `TICKLER_DUE`, ISO 8601 with offset.
    public var due: String
    /// `TICKLER_STAGE` (`remind-7d`, `due`, `overdue-3`); for an entry without one, the kind and its lead.
    public var stage: String
    /// `TICKLER_TITLE`.
    public var title: String
    /// `TICKLER_LEAD`, for reminders.
    public var lead: String?
    /// `TICKLER_PARTNER`, when the obligation has one.
    public var partner: String?
    /// The entry's `MESSAGE`.
    public var message: String
    /// `TICKLER_NOTIFY`: the channels, in the schedule's order.
    public var channels: [String]

    /// An event with every field given.
    public init(
        kind: String,
        obligation: String,
        due: String,
        stage: String,
        title: String,
        lead: String? = nil,
        partner: String? = nil,
        message: String,
        channels: [String]
    ) {
        self.kind = kind
        self.obligation = obligation
        self.due = due
        self.stage = stage
        self.title = title
        self.lead = lead
        self.partner = partner
        self.message = message
        self.channels = channels
    }

    /// The event a journal entry with these fields records, or nil when it is not a delivered kind of ticklerd's
    /// or names no obligation, due time or channel.
    public init?(journalFields fields: [String: String]) {
        guard let kind = fields[EventField.event.name], Self.deliveredKinds.contains(kind),
            let obligation = fields[EventField.obligation.name], let due = fields[EventField.due.name],
            let notify = fields[EventField.notify.name]
        else { return nil }
        let channels = notify.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        guard !channels.isEmpty else { return nil }
        let lead = fields[EventField.lead.name]
        let stage = fields[EventField.stage.name] ?? (kind == "reminder" ? "remind-" + (lead ?? "") : kind)
        self.init(
            kind: kind,
            obligation: obligation,
            due: due,
            stage: stage,
            title: fields[EventField.title.name] ?? obligation,
            lead: lead,
            partner: fields[EventField.partner.name],
            message: fields[JournalSchema.messageField] ?? "",
            channels: channels
        )
    }

    /// The idempotency key of this event's delivery to `channel`.
    public func key(channel: String) -> DeliveryKey {
        DeliveryKey(obligation: obligation, due: due, stage: stage, channel: channel)
    }

    /// The command that acknowledges the event: `ticklerctl ack ID --due DATE`.
    public var acknowledgeCommand: String { "ticklerctl ack \(obligation) --due \(due)" }

    /// The due time as people read it: `2027-10-01 08:00 +07:00` from `2027-10-01T08:00:00+07:00`.
    public var dueText: String {
        let parts = due.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return due }
        let time = parts[1]
        let clock = time.prefix(5)
        let offsetStart = time.firstIndex { $0 == "+" || $0 == "-" || $0 == "Z" }
        let offset = offsetStart.map { String(time[$0...]) } ?? ""
        return "\(parts[0]) \(clock)" + (offset.isEmpty ? "" : " " + (offset == "Z" ? "UTC" : offset))
    }
}
