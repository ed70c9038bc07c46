public import TicklerJournalSchema

/// One entry read from the journal: its fields, its cursor and when it was written.
public struct JournalRecord: Sendable, Hashable {
    /// The fields by name, journald's own (`_PID`, `__REALTIME_TIMESTAMP` aside) included; a field given twice keeps
    /// its first value; binary values are decoded as UTF-8 with replacement characters.
    public let fields: [String: String]
    /// The entry's cursor, to resume reading after it (``JournalReader/seek(after:)``).
    public let cursor: String
    /// The wall-clock time journald received it, in microseconds since the Unix epoch.
    public let realtimeMicroseconds: UInt64

    /// A record of `fields` at `cursor`, received at `realtimeMicroseconds`.
    public init(fields: [String: String], cursor: String, realtimeMicroseconds: UInt64) {
        self.fields = fields
        self.cursor = cursor
        self.realtimeMicroseconds = realtimeMicroseconds
    }

    /// The value of the field `name`, if the entry has it.
    public subscript(name: String) -> String? { fields[name] }

    /// The Tickler event the entry records, or nil when it is not one (no known `TICKLER_EVENT`).
    public var event: DaemonEvent? { DaemonEvent(journalFields: fields) }

    /// The entry's `PRIORITY`, if valid.
    public var priority: Priority? { fields[JournalSchema.priorityField].flatMap(Int.init).flatMap(Priority.init) }
}
