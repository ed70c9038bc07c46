public import TicklerCalendar
public import TicklerControlProtocol

/// ticklerd's durable memory, behind one interface: when obligations were first seen, which events fired, the
/// checkpoint up to which every event has been processed, and what people did to occurrences.
///
/// Every implementation keeps these promises, which ``StateStoreConformance`` (in TicklerTestKit) checks:
/// - an obligation's first-seen time, once recorded, never changes;
/// - the first call of ``recordFirstSeen(_:at:)`` on an empty store also sets the checkpoint, in the same
///   transaction, so that nothing falling due after the first start can be lost to a crash right after it;
/// - ``record(fired:checkpoint:)`` stores the events and the checkpoint together or not at all, and an event
///   recorded twice keeps its first fire time;
/// - ``transition(to:action:)`` is a compare-and-set: it writes the occurrence record and appends the action in one
///   transaction only when the stored revision is one less than the new one, so of two transitions computed from the
///   same revision exactly one is written; it returns once the transition is durable;
/// - occurrence records and actions are never deleted: history outlives the obligation;
/// - what was recorded is there again when the store is opened anew.
///
/// Keys are compared as ``EventKey`` compares them, so a lead's spelling never makes a stage fire twice.
public protocol StateStore: Sendable {
    /// Where the state is kept, for messages: a file's path, or `memory`.
    var location: String { get }

    /// When each known obligation was first seen.
    /// - Throws: ``StateError`` when the state cannot be read.
    func firstSeen() async throws(StateError) -> [String: Instant]

    /// Records `instant` as the first-seen time of each of `ids` not seen before (earlier records are kept), and,
    /// when the store has no checkpoint yet, sets it to the earliest first-seen time it holds — all in one
    /// transaction.
    /// - Returns: the first-seen time of every id in `ids`.
    /// - Throws: ``StateError`` when the state cannot be written; then nothing was recorded.
    func recordFirstSeen(_ ids: [String], at instant: Instant) async throws(StateError) -> [String: Instant]

    /// The instant up to which all events were processed, or nil for a store nothing was recorded in.
    /// - Throws: ``StateError`` when the state cannot be read.
    func checkpoint() async throws(StateError) -> Instant?

    /// The latest fire time recorded by ``record(fired:checkpoint:)``, or nil when nothing has fired.
    ///
    /// An event fires at or after its fire time, so an event whose earliest possible fire time lies after this has
    /// not fired: a wake-up asks ``fired(among:)`` only about the others.
    /// - Throws: ``StateError`` when the state cannot be read.
    func latestFiring() async throws(StateError) -> Instant?

    /// The subset of `keys` that have fired.
    /// - Throws: ``StateError`` when the state cannot be read.
    func fired(among keys: [EventKey]) async throws(StateError) -> Set<EventKey>

    /// Every fired event, or those of one obligation, ordered by fire time: the history.
    /// - Throws: ``StateError`` when the state cannot be read.
    func firedEvents(obligationID: String?) async throws(StateError) -> [FiredEvent]

    /// Records `events` as fired and moves the checkpoint to `checkpoint` (also backwards), in one transaction.
    ///
    /// An event already recorded keeps its first fire time.
    /// - Throws: ``StateError`` when the state cannot be written; then neither the events nor the checkpoint were
    ///   recorded.
    func record(fired events: [FiredEvent], checkpoint: Instant) async throws(StateError)

    /// Every occurrence record (occurrences someone acted on), in (obligation id, due) order.
    /// - Throws: ``StateError`` when the state cannot be read.
    func occurrences() async throws(StateError) -> [OccurrenceRecord]

    /// Writes `record` and appends `action` (an entry of ``OccurrenceAction``'s events for the record's occurrence)
    /// in one transaction, if the stored record's revision (0 when there is none) is `record.revision - 1`.
    /// - Returns: false when the stored revision is another one (someone else's transition came first); then nothing
    ///   was written.
    /// - Throws: ``StateError`` when the state cannot be written; then nothing was written.
    func transition(to record: OccurrenceRecord, action: HistoryEntry) async throws(StateError) -> Bool

    /// The actions on obligation `obligationID`'s occurrences, oldest first (in the order they were written).
    /// - Throws: ``StateError`` when the state cannot be read.
    func actions(obligationID: String) async throws(StateError) -> [HistoryEntry]
}

extension StateStore {
    /// Whether the event `key` has fired.
    /// - Throws: ``StateError`` when the state cannot be read.
    public func hasFired(_ key: EventKey) async throws(StateError) -> Bool {
        try await !fired(among: [key]).isEmpty
    }

    /// Every fired event, ordered by fire time.
    /// - Throws: ``StateError`` when the state cannot be read.
    public func firedEvents() async throws(StateError) -> [FiredEvent] {
        try await firedEvents(obligationID: nil)
    }
}
