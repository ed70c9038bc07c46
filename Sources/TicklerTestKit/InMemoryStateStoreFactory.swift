import TicklerState

/// ``InMemoryStateStore``s for ``StateStoreConformance``: each place holds one store, and opening it again returns
/// that same store, as a restarted daemon finds its database again.
public struct InMemoryStateStoreFactory: StateStoreFactory {
    /// One in-memory store.
    private struct Location: StateStoreLocation {
        let store = InMemoryStateStore()

        func open() async throws -> any StateStore { store }

        func remove() {}
    }

    /// The factory.
    public init() {}

    public var description: String { "InMemoryStateStore" }

    public func makeLocation() throws -> any StateStoreLocation { Location() }
}
