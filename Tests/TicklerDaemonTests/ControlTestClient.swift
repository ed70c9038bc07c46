import Foundation
import TicklerControlProtocol
import TicklerPlatform

/// A client of the control socket for tests: blocking calls run on a thread of their own, so that a client that
/// waits never takes a thread of the pool the server's tasks run on.
struct ControlTestClient: Sendable {
    /// The connection.
    let client: UnixClient

    /// Connects to `path`; each later call waits at most `timeout`.
    static func connect(_ path: String, timeout: Duration = .seconds(10)) async throws -> ControlTestClient {
        try await onThread { ControlTestClient(client: try UnixClient(connectingTo: path, timeout: timeout)) }
    }

    /// Sends `bytes`.
    func send(_ bytes: [UInt8]) async throws {
        try await Self.onThread { try client.send(bytes) }
    }

    /// Receives one line.
    func receive(maximumBytes: Int = ControlProtocol.maximumReplyBytes) async -> LineRead {
        (try? await Self.onThread { client.receiveLine(maximumBytes: maximumBytes) }) ?? .timedOut
    }

    /// Receives and decodes the reply.
    func reply() async throws -> ControlReply {
        guard case .line(let line) = await receive() else { throw ControlFailure(.invalidRequest, "no reply line") }
        return try ControlReply(line: line)
    }

    /// Sends `request` on a new connection to `path` and returns the reply.
    static func ask(_ request: ControlRequest, at path: String) async throws -> ControlReply {
        let client = try await connect(path)
        try await client.send(Array(request.line.utf8))
        return try await client.reply()
    }

    /// Whether a connection to `path` succeeds.
    static func canConnect(_ path: String) throws -> Bool {
        (try? UnixClient(connectingTo: path, timeout: .seconds(1))) != nil
    }

    /// Runs `body` on a new thread and returns what it gives.
    static func onThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
