import Foundation
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

    /// `text` escaped for a JSON string (quotes, backslashes, control characters), as Foundation's encoder writes
    /// it, without the surrounding quotes.
    static func escape(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let data = try? encoder.encode(text) else { return "" }
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
