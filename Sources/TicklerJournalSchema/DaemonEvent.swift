/// One product event of ticklerd: its kind, a human message and the Tickler fields.
///
/// The writer (`JournalEventSink`) turns it into one journal entry: `MESSAGE`, ``priority``, and
/// ``fields``; a reader turns the entry back with ``init(journalFields:)``.
public struct DaemonEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public var kind: DaemonEventKind
    /// The human-readable `MESSAGE`.
    public var message: String
    /// The Tickler fields besides `TICKLER_EVENT`, which ``kind`` gives (a value under ``EventField/event`` is
    /// ignored).
    public var values: [EventField: String]

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
        var values: [EventField: String] = [:]
        values[.obligation] = obligationID
        values[.due] = due
        values[.lead] = lead
        values[.title] = title
        self.values = values
    }

    /// An event of `kind` with `message` and the Tickler field `values`.
    public init(kind: DaemonEventKind, message: String, values: [EventField: String]) {
        self.kind = kind
        self.message = message
        self.values = values
    }

    /// The event a journal entry with these fields records, or nil when it is not one of Tickler's
    /// (no known `TICKLER_EVENT`).
    public init?(journalFields fields: [String: String]) {
        guard let name = fields[EventField.event.name], let kind = DaemonEventKind(name: name) else { return nil }
        var values: [EventField: String] = [:]
        for field in EventField.allCases where field != .event { values[field] = fields[field.name] }
        self.init(kind: kind, message: fields[JournalSchema.messageField] ?? "", values: values)
    }

    /// `TICKLER_OBLIGATION`: the obligation's id, for reminder, due and overdue events.
    public var obligationID: String? {
        get { values[.obligation] }
        set { values[.obligation] = newValue }
    }

    /// `TICKLER_DUE`: the due time in ISO 8601 with offset, e.g. `2027-01-27T08:00:00+07:00`.
    public var due: String? {
        get { values[.due] }
        set { values[.due] = newValue }
    }

    /// `TICKLER_LEAD`: the lead time of a reminder, e.g. `7d`.
    public var lead: String? {
        get { values[.lead] }
        set { values[.lead] = newValue }
    }

    /// `TICKLER_TITLE`: the obligation's title.
    public var title: String? {
        get { values[.title] }
        set { values[.title] = newValue }
    }

    /// `PRIORITY`: the kind's, raised for later escalation steps (``DaemonEventKind/priority(escalation:)``).
    public var priority: Priority { kind.priority(escalation: values[.escalation].flatMap { Int($0) }) }

    /// The journal fields besides `MESSAGE` and `PRIORITY`, in a stable order: `TICKLER_EVENT`, `MESSAGE_ID`, then
    /// the set values in ``EventField`` order.
    public var fields: [(name: String, value: String)] {
        var result = [(EventField.event.name, kind.name), (JournalSchema.messageIDField, kind.messageID)]
        for field in EventField.allCases where field != .event {
            if let value = values[field] { result.append((field.name, value)) }
        }
        return result
    }

    public var description: String { "\(kind.name): \(message)" }
}
