import Synchronization
public import TicklerCalendar
public import TicklerControlProtocol

/// A state store in memory: for tests and for runs that need no history. Every operation is one critical section,
/// so transactions are trivially atomic.
///
/// It is a reference: copies, and a daemon restarted on the same instance, see the same state, as a daemon
/// restarted on the same database file does.
public final class InMemoryStateStore: StateStore {
    /// The stored state.
    private struct State {
        var firstSeen: [String: Instant] = [:]
        var fired: [EventKey: Instant] = [:]
        var checkpoint: Instant?
        var occurrences: [OccurrenceKey: OccurrenceRecord] = [:]
        var actions: [String: [HistoryEntry]] = [:]
    }

    /// An occurrence's identity in the store.
    private struct OccurrenceKey: Hashable {
        let obligationID: String
        let due: Int64
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    public var location: String { "memory" }

    public func firstSeen() async throws(StateError) -> [String: Instant] {
        state.withLock { $0.firstSeen }
    }

    public func recordFirstSeen(_ ids: [String], at instant: Instant) async throws(StateError) -> [String: Instant] {
        state.withLock { state in
            var result: [String: Instant] = [:]
            result.reserveCapacity(ids.count)
            for id in ids {
                let seen = state.firstSeen[id, default: instant]
                state.firstSeen[id] = seen
                result[id] = seen
            }
            if state.checkpoint == nil {
                state.checkpoint = state.firstSeen.values.min().map { min($0, instant) } ?? instant
            }
            return result
        }
    }

    public func checkpoint() async throws(StateError) -> Instant? {
        state.withLock { $0.checkpoint }
    }

    public func latestFiring() async throws(StateError) -> Instant? {
        state.withLock { $0.fired.values.max() }
    }

    public func fired(among keys: [EventKey]) async throws(StateError) -> Set<EventKey> {
        state.withLock { state in Set(keys.filter { state.fired[$0] != nil }) }
    }

    public func firedEvents(obligationID: String?) async throws(StateError) -> [FiredEvent] {
        let events = state.withLock { state in
            state.fired.compactMap { key, firedAt in
                obligationID == nil || key.obligationID == obligationID ? FiredEvent(key: key, firedAt: firedAt) : nil
            }
        }
        return events.sorted { ($0.firedAt, $0.key) < ($1.firedAt, $1.key) }
    }

    public func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError) {
        state.withLock { state in
            for event in events where state.fired[event.key] == nil { state.fired[event.key] = event.firedAt }
            state.checkpoint = checkpoint
        }
    }

    public func occurrences() async throws(StateError) -> [OccurrenceRecord] {
        state.withLock { state in
            state.occurrences.values.sorted { ($0.obligationID, $0.due) < ($1.obligationID, $1.due) }
        }
    }

    public func transition(to record: OccurrenceRecord, action: HistoryEntry) async throws(StateError) -> Bool {
        state.withLock { state in
            let key = OccurrenceKey(obligationID: record.obligationID, due: record.due)
            guard (state.occurrences[key]?.revision ?? 0) == record.revision - 1 else { return false }
            state.occurrences[key] = record
            state.actions[record.obligationID, default: []].append(action)
            return true
        }
    }

    public func actions(obligationID: String) async throws(StateError) -> [HistoryEntry] {
        state.withLock { $0.actions[obligationID] ?? [] }
    }
}
