import TicklerState

/// A kind of state store under ``StateStoreConformance``: it makes empty places that hold a store of its kind.
///
/// Each implementation of `StateStore` provides one (SQLite in a temporary directory, memory, a PostgreSQL schema
/// later) and passes the same checks.
public protocol StateStoreFactory: Sendable, CustomStringConvertible {
    /// A new, empty place for a store; the caller removes it with ``StateStoreLocation/remove()``.
    /// - Throws: when the place cannot be made.
    func makeLocation() throws -> any StateStoreLocation
}
