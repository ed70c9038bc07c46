/// One TOML value and where it is written.
///
/// The position is the value's first character: the opening quote of a string, the `[` of an array, the `{` of an
/// inline table, the first digit or sign of a number. A table made by a header has the position of its header's
/// `[`; one made by a dotted key (`a.b = 1` makes `a`) the position of that part of the key.
public struct TOMLValue: Equatable, Sendable {
    /// What a value holds.
    public enum Content: Equatable, Sendable {
        /// A string, escapes resolved; multi-line strings have LF line ends.
        case string(String)
        /// A 64-bit signed integer.
        case integer(Int64)
        /// A binary64 floating-point number, including `inf` and `nan`.
        case float(Double)
        /// `true` or `false`.
        case boolean(Bool)
        /// A date and time with an offset (`1979-05-27T07:32:00Z`).
        indirect case offsetDateTime(TOMLOffsetDateTime)
        /// A date and time without an offset (`1979-05-27T07:32:00`).
        indirect case localDateTime(TOMLLocalDateTime)
        /// A date (`1979-05-27`).
        indirect case localDate(TOMLDate)
        /// A time of day (`07:32:00`).
        indirect case localTime(TOMLTime)
        /// An array: written `[…]`, or the tables of an array of tables (`[[name]]`).
        case array([TOMLValue])
        /// A table: the root, a `[header]` table, an inline table or one made by dotted keys.
        indirect case table(TOMLTable)

        /// The kind of value, as TOML names it: `string`, `integer`, `float`, `boolean`, `offset date-time`,
        /// `local date-time`, `local date`, `local time`, `array` or `table`.
        public var kindName: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .float: "float"
            case .boolean: "boolean"
            case .offsetDateTime: "offset date-time"
            case .localDateTime: "local date-time"
            case .localDate: "local date"
            case .localTime: "local time"
            case .array: "array"
            case .table: "table"
            }
        }
    }

    /// What the value holds.
    public let content: Content
    /// Where the value is written.
    public let position: TOMLPosition

    /// `content`, written at `position`.
    public init(_ content: Content, at position: TOMLPosition) {
        self.content = content
        self.position = position
    }

    /// The string, when the value is one.
    public var string: String? {
        if case .string(let value) = content { return value }
        return nil
    }

    /// The integer, when the value is one.
    public var integer: Int64? {
        if case .integer(let value) = content { return value }
        return nil
    }

    /// The floating-point number, when the value is one.
    public var float: Double? {
        if case .float(let value) = content { return value }
        return nil
    }

    /// The boolean, when the value is one.
    public var boolean: Bool? {
        if case .boolean(let value) = content { return value }
        return nil
    }

    /// The elements, when the value is an array (or an array of tables).
    public var array: [TOMLValue]? {
        if case .array(let value) = content { return value }
        return nil
    }

    /// The table, when the value is one.
    public var table: TOMLTable? {
        if case .table(let value) = content { return value }
        return nil
    }
}
