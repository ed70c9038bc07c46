/// One row of the delivery log: one event for one channel, its state and its attempts.
public struct Delivery: Sendable, Hashable {
    /// The idempotency key, the row's identity.
    public let key: DeliveryKey
    /// The channel's name.
    public let channel: String
    /// The event.
    public let event: DeliveryEvent
    /// Where it stands.
    public var state: DeliveryState
    /// How many attempts were made.
    public var attempts: Int
    /// When the row was written, in microseconds since the Unix epoch: the retry window starts there.
    public let createdAt: Int64
    /// When the next attempt is due (µs since the epoch); meaningful for pending and failed rows.
    public var nextAttemptAt: Int64
    /// Why the last attempt failed.
    public var lastError: String?

    /// A row with every field given.
    public init(
        key: DeliveryKey,
        channel: String,
        event: DeliveryEvent,
        state: DeliveryState,
        attempts: Int,
        createdAt: Int64,
        nextAttemptAt: Int64,
        lastError: String?
    ) {
        self.key = key
        self.channel = channel
        self.event = event
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}
