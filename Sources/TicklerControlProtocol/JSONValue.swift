/// A JSON value: what ticklerctl prints with `--json` and what ticklerd and ticklerctl exchange on the control
/// socket, written and read without Foundation so that both start fast.
///
/// Objects keep their members in the order given (the writer writes them so; the reader keeps the input's order and
/// refuses a duplicate key). Numbers are integers only: the protocol and the views need no fractions. Strings are
/// escaped as RFC 8259 requires and UTF-8 text is written as it is, so one value is always one line when not pretty.
public indirect enum JSONValue: Sendable {
    /// A string.
    case string(String)
    /// An integer (64 bits).
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array.
    case array([JSONValue])
    /// An object: its members in order.
    case object([(key: String, value: JSONValue)])

    /// A string, or null.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// An integer, or null.
    public static func optional(_ number: Int64?) -> JSONValue { number.map { .integer(Int($0)) } ?? .null }

    /// An array of strings.
    public static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    /// The JSON text: with `pretty`, one member per line indented by two spaces; else on one line.
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, pretty: pretty, depth: 0)
        return output
    }

    /// Appends the text of this value at nesting `depth` to `output`.
    private func write(to output: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let value): output += String(value)
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            writeContainer(elements.map { (nil, $0) }, open: "[", close: "]", to: &output, pretty: pretty, depth: depth)
        case .object(let members):
            writeContainer(
                members.map { ($0.key, $0.value) },
                open: "{",
                close: "}",
                to: &output,
                pretty: pretty,
                depth: depth
            )
        }
    }

    /// Appends an array (keys nil) or an object between `open` and `close`.
    private func writeContainer(
        _ members: [(String?, JSONValue)],
        open: String,
        close: String,
        to output: inout String,
        pretty: Bool,
        depth: Int
    ) {
        output += open
        guard !members.isEmpty else {
            output += close
            return
        }
        let indent = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        for (index, (key, value)) in members.enumerated() {
            output += (index == 0 ? "" : ",") + indent
            if let key {
                Self.writeString(key, to: &output)
                output += pretty ? ": " : ":"
            }
            value.write(to: &output, pretty: pretty, depth: depth + 1)
        }
        output += pretty ? "\n" + String(repeating: "  ", count: depth) + close : close
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped.
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

extension JSONValue: Equatable {
    /// Whether two values are the same: objects equal when their members are, in the same order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(left), .string(right)): left == right
        case let (.integer(left), .integer(right)): left == right
        case let (.bool(left), .bool(right)): left == right
        case (.null, .null): true
        case let (.array(left), .array(right)): left == right
        case let (.object(left), .object(right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

extension JSONValue {
    /// The member `key` of an object, nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
