import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Delivers a channel's messages as an HTTP POST with a JSON body and the idempotency key in `Idempotency-Key`.
struct WebhookSender: Sendable {
    /// The settings of the channel.
    let settings: WebhookSettings

    /// Posts `body` under `key`: 2xx is sent; 408, 429, 5xx and connection failures are temporary; any other answer
    /// is permanent.
    func send(_ body: String, key: DeliveryKey, timeout: Int64) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: settings.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "tickler-notify")
        for header in settings.headers { request.headers.add(name: header.name, value: header.value) }
        request.headers.add(name: "Idempotency-Key", value: key.hex)
        request.body = .bytes(ByteBuffer(string: body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .microseconds(timeout))
            let answer = try await response.body.collect(upTo: 4096)
            let status = response.status.code
            if (200..<300).contains(status) { return .sent }
            let text = "HTTP \(status) from \(settings.url)" + Self.excerpt(String(buffer: answer))
            return status == 408 || status == 429 || status >= 500 ? .temporary(text) : .permanent(text)
        } catch {
            return .temporary("POST \(settings.url): \(error)")
        }
    }

    /// The first line of an answer's body, at most 200 characters, after a colon; empty for an empty body.
    private static func excerpt(_ body: String) -> String {
        let line = body.split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) } ?? ""
        return line.isEmpty ? "" : ": " + line
    }
}
