/// A webhook channel's settings.
public struct WebhookSettings: Sendable, Hashable {
    /// The `http` or `https` URL posted to.
    public var url: String
    /// Extra request headers, credentials already substituted, in the order written.
    public var headers: [(name: String, value: String)]

    /// Settings with every value given.
    public init(url: String, headers: [(name: String, value: String)] = []) {
        self.url = url
        self.headers = headers
    }

    public static func == (lhs: WebhookSettings, rhs: WebhookSettings) -> Bool {
        lhs.url == rhs.url && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
        for header in headers {
            hasher.combine(header.name)
            hasher.combine(header.value)
        }
    }
}
