/// The journal fields of Tickler's own, beside journald's `MESSAGE`, `MESSAGE_ID`, `PRIORITY`, `SYSLOG_IDENTIFIER`.
///
/// The raw value is the field's name in the journal, as `journalctl TICKLER_OBLIGATION=…` filters it. The names
/// are part of Tickler's interface (README "The journal entries", the message catalogs): never rename one.
public enum EventField: String, Sendable, Hashable, CaseIterable {
    /// `TICKLER_EVENT`: the event kind (``DaemonEventKind/name``), on every entry.
    case event = "TICKLER_EVENT"
    /// `TICKLER_OBLIGATION`: the obligation's id, for reminder, due and overdue entries.
    case obligation = "TICKLER_OBLIGATION"
    /// `TICKLER_DUE`: the due time in ISO 8601 with offset, e.g. `2027-01-27T08:00:00+07:00`.
    case due = "TICKLER_DUE"
    /// `TICKLER_LEAD`: the lead time of a reminder as written in the schedule, e.g. `7d`.
    case lead = "TICKLER_LEAD"
    /// `TICKLER_TITLE`: the obligation's title, exactly as written.
    case title = "TICKLER_TITLE"
    /// `TICKLER_USER`: the Unix user name of the person who acknowledged, snoozed, skipped or reopened an occurrence.
    case user = "TICKLER_USER"
    /// `TICKLER_NOTE`: the free text given with an acknowledgement, snooze, skip or reopening.
    case note = "TICKLER_NOTE"
    /// `TICKLER_ESCALATION`: the escalation step of an `escalated` entry, `1`, `2`, ….
    case escalation = "TICKLER_ESCALATION"
    /// `TICKLER_CHANNEL`: the channel a reminder was delivered through (reserved).
    case channel = "TICKLER_CHANNEL"
    /// `TICKLER_NOTIFY`: the channels a reminder, due or overdue event is routed to, comma-separated in the order
    /// the schedule lists them (`office-mail,chat`); absent when it goes to none.
    case notify = "TICKLER_NOTIFY"
    /// `TICKLER_STAGE`: which event of its due time a reminder, due or overdue entry is (`remind-7d`, `due`,
    /// `overdue-3`), part of the idempotency key of its deliveries.
    case stage = "TICKLER_STAGE"
    /// `TICKLER_PARTNER`: the obligation's partner, when it has one, for the delivered message.
    case partner = "TICKLER_PARTNER"
    /// `TICKLER_ATTEMPTS`: how many delivery attempts a delivery outcome took.
    case attempts = "TICKLER_ATTEMPTS"
    /// `TICKLER_ERROR`: why a delivery attempt failed.
    case error = "TICKLER_ERROR"
    /// `TICKLER_DELIVERY_KEY`: the idempotency key of a delivery (the webhook's `Idempotency-Key`).
    case deliveryKey = "TICKLER_DELIVERY_KEY"

    /// The field's name in the journal.
    public var name: String { rawValue }
}
