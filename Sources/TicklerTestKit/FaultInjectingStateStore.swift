import Synchronization
public import TicklerCalendar
public import TicklerControlProtocol
public import TicklerState

/// A state store whose writes a test can make fail, as a full disk makes SQLite's fail (`SQLITE_FULL`), in front
/// of a working store (by default an ``InMemoryStateStore``).
///
/// While ``failingWrites`` is set, `recordFirstSeen` and `record` throw without writing; reads always go through.
/// It counts the write attempts, so a test can tell a retry from a repeat, and the keys asked about in
/// `fired(among:)`, so a test can tell which wake-ups query the state before they write.
public final class FaultInjectingStateStore: StateStore {
    /// The store behind it.
    public let base: any StateStore
    private let state = Mutex((failure: StateError?.none, attempts: 0, failed: 0, lookedUp: 0))

    /// A store in front of `base`, writing normally until told otherwise.
    public init(base: any StateStore = InMemoryStateStore()) {
        self.base = base
    }

    /// The error a full disk gives: ``StateError/Code/full`` with SQLite's `SQLITE_FULL` (13).
    public static let diskFull = StateError(
        .full,
        path: "memory",
        reason: "cannot record fired events",
        cause: .sqlite(resultCode: 13, extendedResultCode: 13, message: "database or disk is full")
    )

    /// The error writes fail with now, or nil when they succeed.
    public var failingWrites: StateError? {
        get { state.withLock { $0.failure } }
        set { state.withLock { $0.failure = newValue } }
    }

    /// How many writes were attempted so far.
    public var writeAttempts: Int { state.withLock { $0.attempts } }

    /// How many keys `fired(among:)` was asked about so far.
    public var keysLookedUp: Int { state.withLock { $0.lookedUp } }

    /// How many writes failed so far.
    public var failedWrites: Int { state.withLock { $0.failed } }

    public var location: String { base.location }

    public func firstSeen() async throws(StateError) -> [String: Instant] { try await base.firstSeen() }

    public func recordFirstSeen(_ ids: [String], at instant: Instant) async throws(StateError) -> [String: Instant] {
        try attempt()
        return try await base.recordFirstSeen(ids, at: instant)
    }

    public func checkpoint() async throws(StateError) -> Instant? { try await base.checkpoint() }

    public func latestFiring() async throws(StateError) -> Instant? { try await base.latestFiring() }

    public func fired(among keys: [EventKey]) async throws(StateError) -> Set<EventKey> {
        state.withLock { $0.lookedUp += keys.count }
        return try await base.fired(among: keys)
    }

    public func firedEvents(obligationID: String?) async throws(StateError) -> [FiredEvent] {
        try await base.firedEvents(obligationID: obligationID)
    }

    public func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError) {
        try attempt()
        try await base.record(fired: events, checkpoint: checkpoint)
    }

    public func occurrences() async throws(StateError) -> [OccurrenceRecord] { try await base.occurrences() }

    public func transition(to record: OccurrenceRecord, action: HistoryEntry) async throws(StateError) -> Bool {
        try attempt()
        return try await base.transition(to: record, action: action)
    }

    public func actions(obligationID: String) async throws(StateError) -> [HistoryEntry] {
        try await base.actions(obligationID: obligationID)
    }

    /// Counts a write and throws the injected failure, if any.
    private func attempt() throws(StateError) {
        let failure = state.withLock { state in
            state.attempts += 1
            if state.failure != nil { state.failed += 1 }
            return state.failure
        }
        if let failure { throw failure }
    }
}
