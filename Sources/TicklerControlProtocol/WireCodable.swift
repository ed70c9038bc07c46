/// A value of the control protocol that has a JSON form on the wire and is read back from it.
///
/// Times are integers of microseconds since the Unix epoch, keys are snake_case, absent optionals are `null`.
public protocol WireCodable: Sendable {
    /// The value's JSON form.
    var wire: JSONValue { get }
    /// Reads the value from its JSON form.
    /// - Throws: ``ControlFailure`` (``ControlFailure/Code/invalidRequest``) naming the key that is wrong.
    init(wire: JSONValue) throws(ControlFailure)
}

extension Array: WireCodable where Element: WireCodable {
    /// The elements' JSON forms, in an array.
    public var wire: JSONValue { .array(map(\.wire)) }

    /// Reads an array of elements.
    public init(wire: JSONValue) throws(ControlFailure) {
        guard case .array(let elements) = wire else { throw WireFields.mismatch("an array") }
        var values: [Element] = []
        values.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                values.append(try Element(wire: element))
            } catch {
                throw ControlFailure(error.code, "[\(index)]: \(error.message)")
            }
        }
        self = values
    }
}
