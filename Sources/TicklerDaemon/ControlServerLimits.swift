/// What one client of the control socket may take: how many are served at once, how long a request may take to
/// arrive and a reply to be taken. Requests are at most ``TicklerControlProtocol/ControlProtocol/maximumRequestBytes``.
public struct ControlServerLimits: Sendable, Hashable {
    /// The most connections served at once; more wait in the socket's queue until one ends.
    public var maximumClients: Int
    /// How long a client has, from the connection, to send its whole request line.
    public var readTimeout: Duration
    /// How long a client has to take the reply.
    public var writeTimeout: Duration

    /// Creates limits; the defaults are the daemon's: 16 clients, 5 s to send, 5 s to receive.
    public init(maximumClients: Int = 16, readTimeout: Duration = .seconds(5), writeTimeout: Duration = .seconds(5)) {
        self.maximumClients = maximumClients
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
    }
}
