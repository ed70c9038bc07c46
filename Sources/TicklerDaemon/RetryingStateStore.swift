import Synchronization
public import TicklerCalendar
public import TicklerControlProtocol
public import TicklerJournalSchema
public import TicklerState

/// The daemon's view of its state store: writes that fail (a full disk, above all) are kept in memory and retried
/// with the next write, and the failure is reported once — one `state-error` journal entry when writing starts to
/// fail, a note in `STATUS=` while it does — instead of at every wake-up.
///
/// Reminders keep being written to the journal meanwhile. What this store keeps counts as recorded: an event kept
/// here does not fire again in this run. When a retry succeeds, everything kept is in the base store, so after the
/// space returns a restart repeats nothing; a restart while writes still fail repeats at most the events whose
/// records failed.
public final class RetryingStateStore: StateStore {
    /// What failed to be written and is retried with the next write.
    private struct Pending {
        /// Fired events not yet in the base store.
        var fired: [EventKey: FiredEvent] = [:]
        /// First-seen times not yet in the base store.
        var firstSeen: [String: Instant] = [:]
        /// The checkpoint not yet in the base store.
        var checkpoint: Instant?
        /// The failure that started the outage, while writes fail.
        var failure: StateError?
    }

    /// The store written to.
    public let base: any StateStore
    private let sink: any EventSink
    private let pending = Mutex(Pending())

    /// A store writing to `base`, reporting its first failure to `sink`.
    public init(base: any StateStore, sink: any EventSink) {
        self.base = base
        self.sink = sink
    }

    public var location: String { base.location }

    /// While writes fail: the failure that started it, and how many fired events are kept in memory.
    public var outage: (failure: StateError, keptEvents: Int)? {
        pending.withLock { pending in pending.failure.map { ($0, pending.fired.count) } }
    }

    /// The note for `STATUS=` while writes fail (`state not saved (disk full): 3 events kept in memory`), else nil.
    public var statusNote: String? {
        guard let (failure, kept) = outage else { return nil }
        let why = failure.code == .full ? "disk full" : "write failed"
        return "state not saved (\(why)): \(kept == 1 ? "1 event" : "\(kept) events") kept in memory"
    }

    public func firstSeen() async throws(StateError) -> [String: Instant] {
        let stored = try await base.firstSeen()
        return stored.merging(pending.withLock { $0.firstSeen }) { stored, _ in stored }
    }

    public func recordFirstSeen(_ ids: [String], at instant: Instant) async throws(StateError) -> [String: Instant] {
        do {
            try await flush()
            return try await base.recordFirstSeen(ids, at: instant)
        } catch {
            // As the base store would: the first record starts the checkpoint.
            let startsCheckpoint = (try? await base.checkpoint()) == nil
            return failed(error) { pending in
                var result: [String: Instant] = [:]
                for id in ids {
                    let seen = pending.firstSeen[id, default: instant]
                    pending.firstSeen[id] = seen
                    result[id] = seen
                }
                if startsCheckpoint && pending.checkpoint == nil { pending.checkpoint = instant }
                return result
            }
        }
    }

    public func checkpoint() async throws(StateError) -> Instant? {
        if let kept = pending.withLock({ $0.checkpoint }) { return kept }
        return try await base.checkpoint()
    }

    public func latestFiring() async throws(StateError) -> Instant? {
        let kept = pending.withLock { pending in pending.fired.values.map(\.firedAt).max() }
        let stored = try await base.latestFiring()
        return [kept, stored].compactMap { $0 }.max()
    }

    public func fired(among keys: [EventKey]) async throws(StateError) -> Set<EventKey> {
        let kept = pending.withLock { pending in keys.filter { pending.fired[$0] != nil } }
        return try await base.fired(among: keys).union(kept)
    }

    public func firedEvents(obligationID: String?) async throws(StateError) -> [FiredEvent] {
        let stored = try await base.firedEvents(obligationID: obligationID)
        let kept = pending.withLock { pending in
            pending.fired.values.filter { obligationID == nil || $0.key.obligationID == obligationID }
        }
        let storedKeys = Set(stored.map(\.key))
        return (stored + kept.filter { !storedKeys.contains($0.key) })
            .sorted { ($0.firedAt, $0.key) < ($1.firedAt, $1.key) }
    }

    public func occurrences() async throws(StateError) -> [OccurrenceRecord] { try await base.occurrences() }

    /// Writes the transition straight to the base store: an action is reported done only once it is durable, so a
    /// failure is thrown to the caller (who answers `state-error`), never kept for later.
    public func transition(to record: OccurrenceRecord, action: HistoryEntry) async throws(StateError) -> Bool {
        try await base.transition(to: record, action: action)
    }

    public func actions(obligationID: String) async throws(StateError) -> [HistoryEntry] {
        try await base.actions(obligationID: obligationID)
    }

    /// Records `events` and the checkpoint, with whatever earlier writes left behind; on failure keeps them all
    /// for the next write and reports the failure if it is the first. Never throws.
    public func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError) {
        let all = pending.withLock { pending in
            for event in events where pending.fired[event.key] == nil { pending.fired[event.key] = event }
            pending.checkpoint = checkpoint
            return Array(pending.fired.values)
        }
        do {
            try await flushFirstSeen()
            try await base.record(fired: all, checkpoint: checkpoint)
            recovered(recorded: all.map(\.key), checkpoint: checkpoint)
        } catch {
            failed(error) { _ in }
        }
    }

    /// Writes what earlier failures left behind, if anything.
    private func flush() async throws(StateError) {
        try await flushFirstSeen()
        let (events, checkpoint) = pending.withLock { (Array($0.fired.values), $0.checkpoint) }
        guard let checkpoint else { return }
        try await base.record(fired: events, checkpoint: checkpoint)
        recovered(recorded: events.map(\.key), checkpoint: checkpoint)
    }

    /// Writes the first-seen times earlier failures left behind, one transaction per instant.
    private func flushFirstSeen() async throws(StateError) {
        let kept = pending.withLock { $0.firstSeen }
        guard !kept.isEmpty else { return }
        for (instant, ids) in Dictionary(grouping: kept.keys, by: { kept[$0]! }).sorted(by: { $0.key < $1.key }) {
            _ = try await base.recordFirstSeen(ids, at: instant)
        }
        pending.withLock { pending in
            for id in kept.keys { pending.firstSeen.removeValue(forKey: id) }
        }
    }

    /// Drops what was written from the pending writes and ends an outage.
    private func recovered(recorded keys: [EventKey], checkpoint: Instant) {
        pending.withLock { pending in
            for key in keys { pending.fired.removeValue(forKey: key) }
            if pending.checkpoint == checkpoint { pending.checkpoint = nil }
            if pending.fired.isEmpty && pending.firstSeen.isEmpty { pending.failure = nil }
        }
    }

    /// Notes a failed write: runs `keep` on the pending writes and, when this failure starts an outage, writes
    /// one `state-error` entry.
    @discardableResult
    private func failed<T>(_ error: StateError, keeping keep: (inout Pending) -> T) -> T {
        let (result, first) = pending.withLock { pending in
            let result = keep(&pending)
            defer { if pending.failure == nil { pending.failure = error } }
            return (result, pending.failure == nil)
        }
        if first {
            sink.emit(
                DaemonEvent(
                    kind: .stateError,
                    message: "\(error); reminders are still written to the journal, and what fired is kept in memory "
                        + "and written as soon as the state can be written again (reported once)"
                )
            )
        }
        return result
    }
}
