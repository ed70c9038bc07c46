public import TicklerState

/// One place that holds a state store, opened as ticklerd opens its state at each start.
public protocol StateStoreLocation: Sendable {
    /// Opens the store kept here: empty the first time, then with everything recorded before (a restart).
    /// - Throws: when the store cannot be opened.
    func open() async throws -> any StateStore

    /// Deletes what is kept here.
    func remove()
}
