import TicklerState
import TicklerTestKit

/// ``SQLiteStateStore``s for the conformance suite: each place is a temporary directory, opened as ticklerd opens
/// its state directory (the file created at the first open, checked and migrated at each).
struct SQLiteStateStoreFactory: StateStoreFactory {
    /// A state directory under /tmp.
    private struct Location: StateStoreLocation {
        /// The temporary directory holding the state directory.
        let directory: TemporaryDirectory

        func open() async throws -> any StateStore {
            try SQLiteStateStore(directory: StateDirectory(path: directory.file("state"), origin: .commandLine))
        }

        func remove() { directory.remove() }
    }

    var description: String { "SQLiteStateStore" }

    func makeLocation() throws -> any StateStoreLocation { Location(directory: try TemporaryDirectory()) }
}
