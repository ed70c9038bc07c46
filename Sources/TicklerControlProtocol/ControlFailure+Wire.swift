extension ControlFailure: WireCodable {
    /// `{"code", "message"}`.
    public var wire: JSONValue { .object([("code", .string(code.rawValue)), ("message", .string(message))]) }

    /// Reads a refusal.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        guard let code = Code(rawValue: try fields.string("code")) else {
            throw ControlFailure(.invalidRequest, "key \"code\": expected a failure code")
        }
        self.init(code, try fields.string("message"))
    }
}
