public import TicklerCalendar

/// An event the daemon has fired, as the state store keeps it.
public struct FiredEvent: Sendable, Hashable {
    /// What fired.
    public let key: EventKey
    /// When it was fired (the daemon's clock at the wake-up that fired it).
    public let firedAt: Instant

    /// Records that `key` fired at `firedAt`.
    public init(key: EventKey, firedAt: Instant) {
        self.key = key
        self.firedAt = firedAt
    }
}
