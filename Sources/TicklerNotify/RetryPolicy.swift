/// When a failed delivery is tried again: exponential backoff with jitter between a first and a longest pause, and a
/// window after which it is given up.
public struct RetryPolicy: Sendable, Hashable {
    /// The pause after the first failure, in microseconds (1 s).
    public var firstDelay: Int64
    /// The longest pause, in microseconds (1 h).
    public var longestDelay: Int64
    /// How long after its event a delivery is attempted at all, in microseconds (24 h).
    public var window: Int64

    /// The default policy: 1 s doubling up to 1 h, for 24 h.
    public init(firstDelay: Int64 = 1_000_000, longestDelay: Int64 = 3_600_000_000, window: Int64 = 86_400_000_000) {
        self.firstDelay = max(1, firstDelay)
        self.longestDelay = max(self.firstDelay, longestDelay)
        self.window = max(0, window)
    }

    /// The pause before the attempt after `attempts` failed ones (≥ 1), without jitter: first · 2^(attempts − 1),
    /// capped at the longest pause.
    public func baseDelay(afterAttempts attempts: Int) -> Int64 {
        var delay = firstDelay
        var step = 1
        // At most 62 doublings before any Int64 delay reaches the cap: bounded whatever `attempts` is.
        while step < attempts, delay < longestDelay, step < 63 {
            delay = delay > longestDelay / 2 ? longestDelay : delay * 2
            step += 1
        }
        return min(delay, longestDelay)
    }

    /// The pause with jitter: uniformly within the upper half of the base pause, so that deliveries failed together
    /// do not come back together.
    public func delay(afterAttempts attempts: Int, using generator: inout some RandomNumberGenerator) -> Int64 {
        let base = baseDelay(afterAttempts: attempts)
        return base - Int64.random(in: 0...(base / 2), using: &generator)
    }

    /// Whether a delivery written at `createdAt` is past its window at `now`.
    public func isExpired(createdAt: Int64, now: Int64) -> Bool {
        now.subtractingReportingOverflow(createdAt).partialValue >= window
    }
}
