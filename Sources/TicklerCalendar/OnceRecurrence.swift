/// A single deadline.
public struct OnceRecurrence: Recurrence {
    /// The one instant at which it is due.
    public let instant: Instant

    /// A deadline at `instant`.
    public init(at instant: Instant) { self.instant = instant }

    public func occurrences(after other: Instant) -> IndexingIterator<[Instant]> {
        (instant > other ? [instant] : []).makeIterator()
    }
}
