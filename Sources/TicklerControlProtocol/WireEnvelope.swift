/// The frame every request and reply shares: one line of JSON, an object with `"version"` and a kind key
/// (`"request"` or `"reply"`), refused with ``ControlFailure`` when it is anything else.
public enum WireEnvelope {
    /// The line for `value`: its JSON on one line, then a newline.
    public static func line(_ value: JSONValue) -> String { value.rendered(pretty: false) + "\n" }

    /// Reads the frame of one line (a trailing newline allowed) of at most `maximumBytes` bytes.
    /// - Parameters:
    ///   - line: the bytes of the line.
    ///   - kindKey: `request` or `reply`: the key that names what the line holds.
    ///   - maximumBytes: the most bytes the line may hold, its newline included.
    /// - Returns: the kind named and the object's members.
    /// - Throws: ``ControlFailure``: ``ControlFailure/Code/invalidRequest`` for anything malformed, too large or
    ///   incomplete, ``ControlFailure/Code/unsupportedVersion`` for another protocol version.
    public static func open(
        _ line: [UInt8],
        kindKey: String,
        maximumBytes: Int
    ) throws(ControlFailure)
        -> (kind: String, fields: WireFields)
    {
        guard line.count <= maximumBytes else {
            throw ControlFailure(.invalidRequest, "longer than \(maximumBytes) bytes")
        }
        var body = line[...]
        if body.last == 0x0A { body = body.dropLast() }
        guard !body.contains(0x0A) else { throw ControlFailure(.invalidRequest, "more than one line") }
        let value: JSONValue
        do {
            value = try JSONReader(maximumBytes: maximumBytes, maximumDepth: ControlProtocol.maximumDepth).read(
                Array(body)
            )
        } catch {
            throw ControlFailure(.invalidRequest, "not JSON: \(error)")
        }
        return try open(value, kindKey: kindKey)
    }

    /// Reads the frame of a JSON value: an object with the version this build speaks and the kind at `kindKey`.
    /// - Throws: ``ControlFailure`` as the line form does.
    public static func open(
        _ value: JSONValue,
        kindKey: String
    ) throws(ControlFailure)
        -> (kind: String, fields: WireFields)
    {
        let fields = try WireFields(value)
        let version = try fields.integer("version")
        guard version == ControlProtocol.version else {
            throw ControlFailure(
                .unsupportedVersion,
                "protocol version \(version) is not supported (this build speaks version \(ControlProtocol.version))"
            )
        }
        return (try fields.string(kindKey), fields)
    }
}
