extension ControlRequest: WireCodable {
    /// `{"version":1,"request":"status"|"upcoming"|"list"|"history"|"change", …}`: `upcoming` adds `days`, `limit`
    /// and `obligation`; `history` adds `obligation`; `change` adds `command` (an ``OccurrenceCommand``).
    public var wire: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("version", .integer(ControlProtocol.version))]
        switch self {
        case .status: members.append(("request", .string("status")))
        case .list: members.append(("request", .string("list")))
        case .upcoming(let days, let limit, let obligationID):
            members += [
                ("request", .string("upcoming")), ("days", .integer(days)),
                ("limit", limit.map(JSONValue.integer) ?? .null),
                ("obligation", .optional(obligationID)),
            ]
        case .history(let obligationID):
            members += [("request", .string("history")), ("obligation", .string(obligationID))]
        case .change(let command):
            members += [("request", .string("change")), ("command", command.wire)]
        }
        return .object(members)
    }

    /// The request as one line of the protocol, its newline included.
    public var line: String { WireEnvelope.line(wire) }

    /// Reads a request from its JSON form.
    public init(wire: JSONValue) throws(ControlFailure) {
        let (kind, fields) = try WireEnvelope.open(wire, kindKey: "request")
        try self.init(kind: kind, fields: fields)
    }

    /// Reads a request line (a trailing newline allowed).
    /// - Throws: ``ControlFailure``: ``ControlFailure/Code/invalidRequest`` for anything malformed, longer than
    ///   ``ControlProtocol/maximumRequestBytes`` or incomplete, ``ControlFailure/Code/unsupportedVersion`` for another
    ///   protocol version.
    public init(line: [UInt8]) throws(ControlFailure) {
        let (kind, fields) = try WireEnvelope.open(
            line,
            kindKey: "request",
            maximumBytes: ControlProtocol.maximumRequestBytes
        )
        try self.init(kind: kind, fields: fields)
    }

    /// Reads the request of kind `kind` from the members of its frame.
    private init(kind: String, fields: WireFields) throws(ControlFailure) {
        switch kind {
        case "status": self = .status
        case "list": self = .list
        case "upcoming":
            let days = try fields.integer("days")
            let limit = try fields.optionalInteger("limit")
            guard days >= 0 else { throw ControlFailure(.invalidRequest, "key \"days\": must not be negative") }
            guard (limit ?? 0) >= 0 else {
                throw ControlFailure(.invalidRequest, "key \"limit\": must not be negative")
            }
            self = .upcoming(days: days, limit: limit, obligationID: try fields.optionalString("obligation"))
        case "history": self = .history(obligationID: try fields.string("obligation"))
        case "change": self = .change(try fields.decode("command"))
        default:
            throw ControlFailure(.invalidRequest, "key \"request\": unknown request \"\(kind)\"")
        }
    }
}
