import TicklerCalendar
import TicklerState

extension DaemonCore {
    /// How many first-seen records one transaction writes: a schedule of 100,000 new obligations is recorded in
    /// batches, and a cancelled task (graceful shutdown) stops between two of them.
    static let firstSeenBatch = 4096

    /// Records `ids` as first seen `now` (earlier records kept), a batch per transaction, giving up between
    /// batches when the task is cancelled.
    ///
    /// The state stays consistent either way: each batch is recorded whole (and the first one starts the
    /// checkpoint), and what was not recorded is first seen at the next start.
    /// - Returns: the first-seen time of every id in `ids` (`now` for those not recorded), and whether all were.
    /// - Throws: ``StateError`` when the state cannot be written.
    static func recordFirstSeen(
        _ ids: [String],
        in store: any StateStore,
        at now: Instant
    ) async throws(StateError) -> (firstSeen: [String: Instant], complete: Bool) {
        var result: [String: Instant] = [:]
        result.reserveCapacity(ids.count)
        var start = 0
        // One call even without ids: it starts the checkpoint of a new state.
        repeat {
            if Task.isCancelled {
                for id in ids[start...] { result[id] = now }
                return (result, false)
            }
            let end = min(start + firstSeenBatch, ids.count)
            result.merge(try await store.recordFirstSeen(Array(ids[start..<end]), at: now)) { _, stored in stored }
            start = end
        } while start < ids.count
        return (result, true)
    }
}
