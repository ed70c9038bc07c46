extension TransitionOutcome: WireCodable {
    /// `{"obligation", "due", "zone", "from", "to", "snoozed_until"}`.
    public var wire: JSONValue {
        .object([
            ("obligation", .string(obligationID)), ("due", .integer(Int(due))), ("zone", .string(zone)),
            ("from", .string(from.name)), ("to", .string(to.name)), ("snoozed_until", .optional(snoozedUntil)),
        ])
    }

    /// Reads an outcome.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        self.init(
            obligationID: try fields.string("obligation"),
            due: try fields.instant("due"),
            zone: try fields.string("zone"),
            from: try fields.state("from"),
            to: try fields.state("to"),
            snoozedUntil: try fields.optionalInstant("snoozed_until")
        )
    }
}
