public import Logging
public import ServiceLifecycle
import SystemPackage
import Systemd
public import TicklerControlProtocol
public import TicklerPlatform

/// ticklerd's control socket: accepts `ticklerctl`'s connections and answers one request line on each.
///
/// Each connection is served in its own task, at most ``ControlServerLimits/maximumClients`` at once (the rest wait
/// in the socket's queue), so that a slow or hostile client holds only its own place for at most the read and write
/// timeouts and never the firing loop. The caller is authorised from the kernel's credentials (``ControlAuthorizer``)
/// before anything it sent is read: a caller who may not is refused with
/// ``ControlProtocol/permissionDeniedMessage``. Then one line of at most
/// ``ControlProtocol/maximumRequestBytes`` is read within the read timeout and decoded; whatever is malformed, too
/// long, incomplete or late is answered with `invalid-request`, a good request by the ``ControlHandler``.
public struct ControlServer: Service {
    /// Where the listening socket comes from.
    public enum Endpoint: Sendable, Hashable {
        /// A socket handed over by systemd (`ticklerd.socket`).
        case activated(Int32)
        /// A path to bind here (`--control-socket`), mode 0660, group ``ControlProtocol/group`` when it exists.
        case path(String)
    }

    /// Where the listening socket comes from.
    public let endpoint: Endpoint
    /// What answers the requests.
    private let handler: any ControlHandler
    /// Who may connect.
    private let authorizer: ControlAuthorizer
    /// What each client may take.
    public let limits: ControlServerLimits
    /// Whether the daemon must stop when the socket cannot be opened; else it runs on without one, saying so.
    public let isRequired: Bool
    /// For problems of the socket itself.
    private let logger: Logger

    /// Creates the server; the socket is opened when it runs.
    /// - Parameters:
    ///   - endpoint: the socket handed over, or the path to bind.
    ///   - handler: what answers the requests.
    ///   - authorizer: who may connect (``ControlAuthorizer/system(group:)`` in the daemon).
    ///   - limits: what each client may take.
    ///   - isRequired: whether failing to open the socket stops the daemon.
    ///   - logger: for problems of the socket itself.
    public init(
        endpoint: Endpoint,
        handler: any ControlHandler,
        authorizer: ControlAuthorizer = .system(),
        limits: ControlServerLimits = ControlServerLimits(),
        isRequired: Bool = true,
        logger: Logger
    ) {
        self.isRequired = isRequired
        self.endpoint = endpoint
        self.handler = handler
        self.authorizer = authorizer
        self.limits = limits
        self.logger = logger
    }

    /// The daemon's server: on the socket systemd handed over (`ticklerd.socket`), else on `path`
    /// (`--control-socket`, which must then work), else on ``ControlProtocol/defaultSocketPath`` if it can be bound.
    public static func daemon(path: String?, handler: any ControlHandler, logger: Logger) -> ControlServer {
        let handedOver = SocketActivation.unixStreamListeners()
        return ControlServer(
            endpoint: handedOver.first.map(Endpoint.activated) ?? .path(path ?? ControlProtocol.defaultSocketPath),
            handler: handler,
            isRequired: !handedOver.isEmpty || path != nil,
            logger: logger
        )
    }

    /// Opens the listening socket.
    /// - Throws: ``StartupError`` naming the socket and the system's reason.
    public func listen() throws(StartupError) -> UnixListener {
        do {
            switch endpoint {
            case .activated(let descriptor): return try UnixListener(adopting: descriptor)
            case .path(let path):
                return try UnixListener(binding: path, group: UserDatabase.groupID(named: ControlProtocol.group))
            }
        } catch {
            let location: String =
                switch endpoint {
                case .activated(let descriptor): "control socket (descriptor \(descriptor))"
                case .path(let path): path
                }
            throw StartupError(location: location, problems: ["cannot listen for ticklerctl: \(error)"])
        }
    }

    public func run() async throws {
        let opened: Result<UnixListener, StartupError> = Result { () throws(StartupError) in try listen() }
        switch opened {
        case .success(let listener):
            try await serve(listener)
        case .failure(let error) where isRequired:
            throw error
        case .failure(let error):
            let problems = error.problems.joined(separator: "; ")
            logger.warning("\(error.location): \(problems); running without a control socket")
            try? await gracefulShutdown()
        }
    }

    /// Accepts and serves connections on `listener` until graceful shutdown or cancellation.
    /// - Throws: ``StartupError`` when accepting fails for a reason other than a passing shortage.
    public func serve(_ listener: UnixListener) async throws {
        let slots = ControlServerSlots(limits.maximumClients)
        try await cancelWhenGracefulShutdown {
            try await withThrowingDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    await slots.take()
                    let connection: UnixConnection?
                    do {
                        connection = try await listener.accept()
                    } catch {
                        slots.give()
                        logger.error("control socket: accept failed: \(error)")
                        throw StartupError(location: "control socket", problems: ["accept failed: \(error)"])
                    }
                    guard let connection else {
                        slots.give()
                        break
                    }
                    group.addTask {
                        defer { slots.give() }
                        await answer(connection)
                    }
                }
            }
        }
    }

    /// Authorises, reads, decodes and answers the one request of `connection`.
    func answer(_ connection: UnixConnection) async {
        guard let credentials = try? connection.peerCredentials() else { return }
        let caller = authorizer.caller(for: credentials)
        let reply: ControlReply
        if !caller.isAuthorized {
            reply = .failure(ControlFailure(.permissionDenied, ControlProtocol.permissionDeniedMessage))
        } else {
            switch await connection.readLine(
                maximumBytes: ControlProtocol.maximumRequestBytes,
                timeout: limits.readTimeout
            ) {
            case .line(let line):
                do {
                    reply = await handler.handle(try ControlRequest(line: line), from: caller)
                } catch {
                    reply = .failure(ControlFailure(error.code, "invalid request: \(error.message)"))
                }
            case .tooLong:
                reply = Self.invalid("the request is longer than \(ControlProtocol.maximumRequestBytes) bytes")
            case .ended(let partial):
                guard !partial.isEmpty else { return }
                reply = Self.invalid("the request ended before its newline")
            case .timedOut:
                reply = Self.invalid("no complete request line within \(limits.readTimeout)")
            case .cancelled, .failed:
                return
            }
        }
        guard await connection.write(Array(reply.line.utf8), timeout: limits.writeTimeout) else { return }
        await connection.finish(drainingAtMost: ControlProtocol.maximumRequestBytes, timeout: .seconds(1))
    }

    /// An `invalid-request` refusal.
    private static func invalid(_ message: String) -> ControlReply {
        .failure(ControlFailure(.invalidRequest, "invalid request: \(message)"))
    }
}
