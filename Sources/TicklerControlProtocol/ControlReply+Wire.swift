extension ControlReply: WireCodable {
    /// `{"version":1,"reply":"status"|"upcoming"|"list"|"history"|"changed"|"failure", …}`: the payload under
    /// `status`, `events`, `obligations`, `entries`, `outcome` or `failure`.
    public var wire: JSONValue {
        let (kind, key, payload): (String, String, JSONValue) =
            switch self {
            case .status(let view): ("status", "status", view.wire)
            case .upcoming(let events): ("upcoming", "events", events.wire)
            case .list(let rows): ("list", "obligations", rows.wire)
            case .history(let entries): ("history", "entries", entries.wire)
            case .changed(let outcome): ("changed", "outcome", outcome.wire)
            case .failure(let failure): ("failure", "failure", failure.wire)
            }
        return .object([("version", .integer(ControlProtocol.version)), ("reply", .string(kind)), (key, payload)])
    }

    /// The reply as one line of the protocol, its newline included.
    public var line: String { WireEnvelope.line(wire) }

    /// Reads a reply from its JSON form.
    public init(wire: JSONValue) throws(ControlFailure) {
        let (kind, fields) = try WireEnvelope.open(wire, kindKey: "reply")
        try self.init(kind: kind, fields: fields)
    }

    /// Reads a reply line (a trailing newline allowed) of at most `maximumBytes`.
    /// - Throws: ``ControlFailure`` for anything malformed, too large or incomplete, or of another version.
    public init(line: [UInt8], maximumBytes: Int = ControlProtocol.maximumReplyBytes) throws(ControlFailure) {
        let (kind, fields) = try WireEnvelope.open(line, kindKey: "reply", maximumBytes: maximumBytes)
        try self.init(kind: kind, fields: fields)
    }

    /// Reads the reply of kind `kind` from the members of its frame.
    private init(kind: String, fields: WireFields) throws(ControlFailure) {
        switch kind {
        case "status": self = .status(try fields.decode("status"))
        case "upcoming": self = .upcoming(try fields.decode("events"))
        case "list": self = .list(try fields.decode("obligations"))
        case "history": self = .history(try fields.decode("entries"))
        case "changed": self = .changed(try fields.decode("outcome"))
        case "failure": self = .failure(try fields.decode("failure"))
        default: throw ControlFailure(.invalidRequest, "key \"reply\": unknown reply \"\(kind)\"")
        }
    }
}
