extension EventView: WireCodable {
    /// `{"obligation", "title", "stage", "fire_at", "due", "zone", "state", "snoozed_until"}`.
    public var wire: JSONValue {
        .object([
            ("obligation", .string(obligationID)), ("title", .string(title)), ("stage", .string(stage)),
            ("fire_at", .integer(Int(fireAt))), ("due", .integer(Int(due))), ("zone", .string(zone)),
            ("state", .string(state.name)), ("snoozed_until", .optional(snoozedUntil)),
        ])
    }

    /// Reads an event view.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        self.init(
            obligationID: try fields.string("obligation"),
            title: try fields.string("title"),
            stage: try fields.string("stage"),
            fireAt: try fields.instant("fire_at"),
            due: try fields.instant("due"),
            zone: try fields.string("zone"),
            state: try fields.state("state"),
            snoozedUntil: try fields.optionalInstant("snoozed_until")
        )
    }
}
