extension OccurrenceCommand: WireCodable {
    /// `{"action", "obligation", "due", "snooze_for", "snooze_until", "note"}`.
    public var wire: JSONValue {
        .object([
            ("action", .string(action.rawValue)), ("obligation", .string(obligationID)), ("due", .optional(due)),
            ("snooze_for", .optional(snoozeFor)), ("snooze_until", .optional(snoozeUntil)), ("note", .optional(note)),
        ])
    }

    /// Reads a command.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        guard let action = OccurrenceAction(rawValue: try fields.string("action")) else {
            throw ControlFailure(.invalidRequest, "key \"action\": expected ack, snooze, skip or reopen")
        }
        self.init(
            action: action,
            obligationID: try fields.string("obligation"),
            due: try fields.optionalString("due"),
            snoozeFor: try fields.optionalString("snooze_for"),
            snoozeUntil: try fields.optionalString("snooze_until"),
            note: try fields.optionalString("note")
        )
    }
}
