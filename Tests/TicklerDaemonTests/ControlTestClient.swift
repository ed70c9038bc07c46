import Foundation
import TicklerControlProtocol
import TicklerPlatform

/// A client of the control socket for tests. Each exchange (connect, send, receive) runs whole on a thread of its
/// own and is timed there, so that neither a client that waits nor a test's pool thread that is late (other tests
/// of the process may hold the pool's few threads) changes what the server sees or what is measured.
struct ControlTestClient: Sendable {
    /// What one exchange gave, and how long it took from the connection to the end of the reply.
    struct Exchange: Sendable {
        /// The reply line, or why there was none.
        var read: LineRead
        /// From the connection to the reply.
        var elapsed: Duration

        /// The decoded reply.
        func reply() throws -> ControlReply {
            guard case .line(let line) = read else { throw ControlFailure(.invalidRequest, "no reply line: \(read)") }
            return try ControlReply(line: line)
        }
    }

    /// Connects to `path`, sends `bytes` (then, with `finishing`, the end of the stream) and receives the reply.
    static func exchange(_ bytes: [UInt8], at path: String, finishing: Bool = false) async throws -> Exchange {
        try await onThread {
            let start = ContinuousClock.now
            let client = try UnixClient(connectingTo: path, timeout: .seconds(20))
            if !bytes.isEmpty { try client.send(bytes) }
            if finishing { client.finishSending() }
            let read = client.receiveLine(maximumBytes: ControlProtocol.maximumReplyBytes)
            return Exchange(read: read, elapsed: ContinuousClock.now - start)
        }
    }

    /// Sends `request` on a new connection to `path` and returns the reply.
    static func ask(_ request: ControlRequest, at path: String) async throws -> ControlReply {
        try await exchange(Array(request.line.utf8), at: path).reply()
    }

    /// Opens a connection to `path` that sends nothing; it stays open while the caller keeps it.
    static func silent(_ path: String) async throws -> UnixClient {
        try await onThread { try UnixClient(connectingTo: path, timeout: .seconds(20)) }
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
