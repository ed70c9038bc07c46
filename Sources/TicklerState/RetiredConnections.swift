internal import GRDB
import Synchronization

/// The state's connections once they are no longer used: those opened only to check or create the state file
/// (closed), and the daemon's pool (``SQLiteStateStore/keepUntilExit()``), kept until the process ends instead of
/// being freed.
///
/// Freeing a GRDB connection frees its Dispatch queue, and libdispatch destroys that queue's queue-specific value
/// (GRDB marks each of its queues with one) asynchronously, on its default-QoS thread pool. The first worker thread of
/// that pool starts libdispatch's workqueue monitor, a timer that wakes the process once a second for the rest of its
/// life, and the event thread behind it, which asks for nice -4. ticklerd keeps Dispatch's pool unused while it idles
/// (it runs on its own event loop), and at its shutdown that thread would ask for its priority too: so it keeps these
/// few connections instead: one to check the file at each open, one more when it creates the file, and the daemon's
/// pool (left open: closing it frees its readers' queues too).
enum RetiredConnections {
    /// The connections kept.
    private static let connections = Mutex<[any DatabaseWriter]>([])

    /// Keeps `connection` until the process ends.
    static func keep(_ connection: any DatabaseWriter) {
        connections.withLock { $0.append(connection) }
    }
}
