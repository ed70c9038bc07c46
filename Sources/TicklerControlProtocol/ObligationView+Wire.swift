extension ObligationView: WireCodable {
    /// `{"obligation", "title", "rule", "zone", "due", "state", "snoozed_until"}`.
    public var wire: JSONValue {
        .object([
            ("obligation", .string(obligationID)), ("title", .string(title)), ("rule", .string(rule)),
            ("zone", .string(zone)), ("due", .optional(due)), ("state", .optional(state?.name)),
            ("snoozed_until", .optional(snoozedUntil)),
        ])
    }

    /// Reads an obligation row.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        self.init(
            obligationID: try fields.string("obligation"),
            title: try fields.string("title"),
            rule: try fields.string("rule"),
            zone: try fields.string("zone"),
            due: try fields.optionalInstant("due"),
            state: try fields.optionalState("state"),
            snoozedUntil: try fields.optionalInstant("snoozed_until")
        )
    }
}
