import Mustache

/// The mustache content type of webhook bodies: values are escaped as the inside of a JSON string, so a template
/// writes `"title": "{{title}}"` and any title stays valid JSON.
struct JSONStringContent: MustacheContentType {
    /// The pragma name, `{{% CONTENT_TYPE: JSON}}`.
    static let name = "TICKLER_JSON"

    /// Registers the content type with swift-mustache; evaluated once, before the first webhook template renders.
    static let registered: Bool = {
        MustacheContentTypes.register(JSONStringContent(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` escaped for a JSON string: quotes, backslashes and control characters.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
