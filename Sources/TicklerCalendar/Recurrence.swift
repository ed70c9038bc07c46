/// A rule that yields the instants at which something is due, in increasing order.
public protocol Recurrence: Sendable {
    /// The iterator over occurrences.
    associatedtype Occurrences: IteratorProtocol<Instant>

    /// The occurrences strictly after `instant`, in increasing order; the iterator ends when the rule does.
    func occurrences(after instant: Instant) -> Occurrences
}

extension Recurrence {
    /// The first occurrence strictly after `instant`, or nil when the rule has ended.
    public func firstOccurrence(after instant: Instant) -> Instant? {
        var iterator = occurrences(after: instant)
        return iterator.next()
    }

    /// Up to `limit` occurrences strictly after `instant`.
    public func occurrences(after instant: Instant, limit: Int) -> [Instant] {
        var iterator = occurrences(after: instant)
        var result: [Instant] = []
        result.reserveCapacity(min(limit, 4096))
        while result.count < limit, let next = iterator.next() { result.append(next) }
        return result
    }
}
