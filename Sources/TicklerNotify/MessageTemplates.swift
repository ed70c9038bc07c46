/// A channel's own mustache templates; each one not given falls back to the defaults of its language.
public struct MessageTemplates: Sendable, Hashable {
    /// A mail's subject (one line after rendering).
    public var subject: String?
    /// A mail's body, or a webhook's request body (JSON: values are escaped as JSON string content).
    public var body: String?

    /// Templates with the given texts.
    public init(subject: String? = nil, body: String? = nil) {
        self.subject = subject
        self.body = body
    }
}
