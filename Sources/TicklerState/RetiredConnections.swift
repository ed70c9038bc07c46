internal import GRDB
import Synchronization

/// The connections opened only to check or create the state file, kept (closed) until the process ends instead of
/// being freed.
///
/// Freeing a GRDB connection frees its Dispatch queue, and libdispatch destroys that queue's queue-specific value
/// (GRDB marks each of its queues with one) asynchronously, on its default-QoS thread pool. The first worker thread of
/// that pool starts libdispatch's workqueue monitor, a timer that wakes the process once a second for the rest of its
/// life, and the event thread behind it, which asks for nice -4. ticklerd keeps Dispatch's pool unused while it idles
/// (it runs on its own event loop), so it keeps these few connections instead: one to check the file at each open,
/// one more when it creates the file.
enum RetiredConnections {
    private static let connections = Mutex<[DatabaseQueue]>([])

    /// Keeps `connection` (already closed) until the process ends.
    static func keep(_ connection: DatabaseQueue) {
        connections.withLock { $0.append(connection) }
    }
}
