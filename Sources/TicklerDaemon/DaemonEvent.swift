public import Systemd

/// One event for the journal: its kind, a human message and the Tickler fields.
public struct DaemonEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public var kind: DaemonEventKind
    /// The human-readable `MESSAGE`.
    public var message: String
    /// `TICKLER_OBLIGATION`: the obligation's id, for reminder, due and overdue events.
    public var obligationID: String?
    /// `TICKLER_DUE`: the due time in ISO 8601 with offset, e.g. `2027-01-27T08:00:00+07:00`.
    public var due: String?
    /// `TICKLER_LEAD`: the lead time of a reminder, e.g. `7d`.
    public var lead: String?
    /// `TICKLER_TITLE`: the obligation's title.
    public var title: String?

    /// An event of `kind` with `message` and the given fields.
    public init(
        kind: DaemonEventKind,
        message: String,
        obligationID: String? = nil,
        due: String? = nil,
        lead: String? = nil,
        title: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.obligationID = obligationID
        self.due = due
        self.lead = lead
        self.title = title
    }

    /// The Tickler fields and `MESSAGE_ID`, in a stable order (without `MESSAGE` and `PRIORITY`).
    public var fields: [JournalField] {
        var result = [JournalField("TICKLER_EVENT", kind.name), JournalField(.messageID, kind.messageID.hex)]
        if let obligationID { result.append(JournalField("TICKLER_OBLIGATION", obligationID)) }
        if let due { result.append(JournalField("TICKLER_DUE", due)) }
        if let lead { result.append(JournalField("TICKLER_LEAD", lead)) }
        if let title { result.append(JournalField("TICKLER_TITLE", title)) }
        return result
    }

    public var description: String { "\(kind.name): \(message)" }
}
