extension HistoryEntry: WireCodable {
    /// `{"at", "due", "event", "stage", "user", "note", "snoozed_until", "channel"}`.
    public var wire: JSONValue {
        .object([
            ("at", .integer(Int(at))), ("due", .integer(Int(due))), ("event", .string(event)),
            ("stage", .optional(stage)), ("user", .optional(user)), ("note", .optional(note)),
            ("snoozed_until", .optional(snoozedUntil)), ("channel", .optional(channel)),
        ])
    }

    /// Reads a history entry.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        self.init(
            at: try fields.instant("at"),
            due: try fields.instant("due"),
            event: try fields.string("event"),
            stage: try fields.optionalString("stage"),
            user: try fields.optionalString("user"),
            note: try fields.optionalString("note"),
            snoozedUntil: try fields.optionalInstant("snoozed_until"),
            channel: try fields.optionalString("channel")
        )
    }
}
