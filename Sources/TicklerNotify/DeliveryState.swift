/// Where a delivery stands in the delivery log.
public enum DeliveryState: String, Sendable, Hashable, CaseIterable {
    /// Not attempted yet.
    case pending
    /// Delivered: the channel accepted it. Never attempted again.
    case sent
    /// The last attempt failed for a reason that may pass; attempted again at its next attempt time.
    case failed
    /// Given up: a permanent failure, an undefined channel, or failed attempts for the whole retry window.
    case dead
}
