import Logging
public import TicklerControlProtocol
public import TicklerDaemon
import TicklerPlatform

/// ticklerd's control socket served by a ``ControlServer`` on a socket in a temporary directory, answering with a
/// ``FakeControlHandler``: the daemon side for tests of the socket and of ticklerctl.
public struct ControlServerHarness: Sendable {
    /// The directory holding the socket.
    public let directory: TemporaryDirectory
    /// The socket's path.
    public let socketPath: String
    /// What answers the requests.
    public let handler: FakeControlHandler
    /// The server's task.
    private let task: Task<Void, any Error>

    /// Binds the socket (it exists when this returns) and starts serving it.
    /// - Parameters:
    ///   - handler: what answers.
    ///   - authorizer: who may connect (default: everyone, as the user running the test).
    ///   - limits: what each client may take.
    ///   - daemon: a real handler to serve instead (a ``DaemonHarness``'s channel); `handler` then sees nothing.
    /// - Throws: when the directory or the socket cannot be made.
    public init(
        handler: FakeControlHandler = FakeControlHandler(),
        authorizer: ControlAuthorizer = Self.everyone,
        limits: ControlServerLimits = ControlServerLimits(),
        serving daemon: (any ControlHandler)? = nil
    ) throws {
        directory = try TemporaryDirectory()
        socketPath = directory.file("control.socket")
        self.handler = handler
        let listener = try UnixListener(binding: socketPath)
        let server = ControlServer(
            endpoint: .path(socketPath),
            handler: daemon ?? handler,
            authorizer: authorizer,
            limits: limits,
            logger: Logger(label: "control-server-test") { _ in SwiftLogNoOpLogHandler() }
        )
        task = Task(executorPreference: Self.executor) { try await server.serve(listener) }
    }

    /// Stops serving (the socket is removed) and removes the directory.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
        directory.remove()
    }

    /// Where the servers of the tests run: off the cooperative pool, which blocking tests may hold.
    private static let executor = DispatchTaskExecutor(label: "tickler.control-server-harness")

    /// Lets every caller in, named by their uid.
    public static let everyone = ControlAuthorizer { credentials in
        ControlCaller(
            uid: credentials.uid,
            gid: credentials.gid,
            pid: credentials.pid,
            userName: "user\(credentials.uid)",
            isAuthorized: true
        )
    }

    /// Lets nobody in.
    public static let nobody = ControlAuthorizer { credentials in
        ControlCaller(
            uid: credentials.uid,
            gid: credentials.gid,
            pid: credentials.pid,
            userName: "user\(credentials.uid)",
            isAuthorized: false
        )
    }
}
