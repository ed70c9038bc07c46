/// JSON output of the verbs, written without Foundation so that ticklerctl starts fast.
///
/// Objects keep their keys in the order given; strings are escaped as RFC 8259 requires and UTF-8 text is
/// written as it is.
indirect enum JSONValue {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// A string, or null.
    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// An array of strings.
    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    /// The JSON text: with `pretty`, one member per line indented by two spaces; else on one line.
    func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, pretty: pretty, depth: 0)
        return output
    }

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
