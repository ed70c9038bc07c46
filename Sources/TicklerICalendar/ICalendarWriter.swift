/// Builds an RFC 5545 stream: components and content lines, folded, with CRLF line ends, as UTF-8 octets.
///
/// The writer only formats; what to write is the caller's (``CalendarExport``). Values passed to ``property(_:_:)``
/// are written as they are, so they must already be in their value type's syntax; ``text(_:_:)`` escapes TEXT.
public struct ICalendarWriter: Sendable {
    /// The octets written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty stream.
    public init() {}

    /// The octets written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `BEGIN:<component>`.
    public mutating func begin(_ component: String) { property("BEGIN", component) }

    /// `END:<component>`.
    public mutating func end(_ component: String) { property("END", component) }

    /// A content line `NAME;PARAM=VALUE…:value`; parameter values are quoted when they need it.
    /// - Parameters:
    ///   - name: the property name, upper case.
    ///   - parameters: the parameters in order, names upper case, values unquoted.
    ///   - value: the value, already in its value type's syntax.
    public mutating func property(_ name: String, parameters: [(name: String, value: String)] = [], _ value: String) {
        var line = name
        for parameter in parameters {
            line += ";\(parameter.name)=\(ICalendarText.parameterValue(parameter.value))"
        }
        line += ":"
        line += value
        bytes.append(contentsOf: ICalendarText.folded(line.utf8))
    }

    /// A TEXT property: `value` escaped (``ICalendarText/escaped(_:)``).
    public mutating func text(_ name: String, _ value: String) {
        property(name, ICalendarText.escaped(value))
    }
}
