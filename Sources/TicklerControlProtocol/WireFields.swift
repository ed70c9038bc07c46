/// The members of a JSON object being read as a protocol value, with typed look-ups that name the key at fault.
///
/// Unknown keys are ignored, so a later build may add members within a protocol version.
public struct WireFields: Sendable {
    /// The object's members.
    private let members: [(key: String, value: JSONValue)]

    /// The members of `value`.
    /// - Throws: ``ControlFailure`` when `value` is not an object.
    public init(_ value: JSONValue) throws(ControlFailure) {
        guard case .object(let members) = value else { throw Self.mismatch("an object") }
        self.members = members
    }

    /// The refusal for a value of the wrong kind.
    static func mismatch(_ expected: String) -> ControlFailure {
        ControlFailure(.invalidRequest, "expected \(expected)")
    }

    /// The value of `key`; nil when it is absent or null.
    public func value(_ key: String) -> JSONValue? {
        guard let value = members.first(where: { $0.key == key })?.value, value != .null else { return nil }
        return value
    }

    /// The value of `key`, which must be there.
    private func required(_ key: String) throws(ControlFailure) -> JSONValue {
        guard let value = value(key) else { throw ControlFailure(.invalidRequest, "key \"\(key)\": missing") }
        return value
    }

    /// The refusal for `key` holding something other than `expected`.
    private func wrong(_ key: String, _ expected: String) -> ControlFailure {
        ControlFailure(.invalidRequest, "key \"\(key)\": expected \(expected)")
    }

    /// The string at `key`, which must be there.
    public func string(_ key: String) throws(ControlFailure) -> String {
        guard case .string(let text) = try required(key) else { throw wrong(key, "a string") }
        return text
    }

    /// The string at `key`, or nil when absent or null.
    public func optionalString(_ key: String) throws(ControlFailure) -> String? {
        guard value(key) != nil else { return nil }
        return try string(key)
    }

    /// The integer at `key`, which must be there.
    public func integer(_ key: String) throws(ControlFailure) -> Int {
        guard case .integer(let number) = try required(key) else { throw wrong(key, "an integer") }
        return number
    }

    /// The integer at `key`, or nil when absent or null.
    public func optionalInteger(_ key: String) throws(ControlFailure) -> Int? {
        guard value(key) != nil else { return nil }
        return try integer(key)
    }

    /// The instant at `key` (microseconds since the epoch), which must be there.
    public func instant(_ key: String) throws(ControlFailure) -> Int64 { Int64(try integer(key)) }

    /// The instant at `key`, or nil when absent or null.
    public func optionalInstant(_ key: String) throws(ControlFailure) -> Int64? {
        try optionalInteger(key).map(Int64.init)
    }

    /// The process id at `key`, which must fit 32 bits.
    public func processID(_ key: String) throws(ControlFailure) -> Int32 {
        guard let pid = Int32(exactly: try integer(key)) else { throw wrong(key, "a process id") }
        return pid
    }

    /// The Boolean at `key`, which must be there.
    public func bool(_ key: String) throws(ControlFailure) -> Bool {
        guard case .bool(let flag) = try required(key) else { throw wrong(key, "true or false") }
        return flag
    }

    /// The strings at `key`, which must be there.
    public func strings(_ key: String) throws(ControlFailure) -> [String] {
        guard case .array(let elements) = try required(key) else { throw wrong(key, "an array of strings") }
        var texts: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw wrong(key, "an array of strings") }
            texts.append(text)
        }
        return texts
    }

    /// The occurrence state named at `key`, which must be there.
    public func state(_ key: String) throws(ControlFailure) -> OccurrenceState {
        guard let state = OccurrenceState(rawValue: try string(key)) else { throw wrong(key, "an occurrence state") }
        return state
    }

    /// The occurrence state named at `key`, or nil when absent or null.
    public func optionalState(_ key: String) throws(ControlFailure) -> OccurrenceState? {
        guard value(key) != nil else { return nil }
        return try state(key)
    }

    /// The protocol value at `key`, which must be there.
    public func decode<Value: WireCodable>(
        _ key: String,
        as type: Value.Type = Value.self
    ) throws(ControlFailure)
        -> Value
    {
        let value = try required(key)
        do {
            return try Value(wire: value)
        } catch {
            throw ControlFailure(error.code, "key \"\(key)\": \(error.message)")
        }
    }

    /// The protocol value at `key`, or nil when absent or null.
    public func optionalDecode<Value: WireCodable>(
        _ key: String,
        as type: Value.Type = Value.self
    )
        throws(ControlFailure) -> Value?
    {
        guard value(key) != nil else { return nil }
        return try decode(key, as: type)
    }
}
