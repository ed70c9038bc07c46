import Testing
import TicklerState
import TicklerTestKit

/// Every state store implementation against the same conformance suite.
@Suite struct StateStoreConformanceTests {
    /// The implementations; a new store adds its factory here.
    static let factories: [any StateStoreFactory] = [SQLiteStateStoreFactory(), InMemoryStateStoreFactory()]

    @Test(arguments: factories, StateStoreConformance.checks)
    func conformance(_ factory: any StateStoreFactory, _ check: StateStoreConformance.Check) async throws {
        try await check.run(on: factory)
    }

    @Test func everyCheckHasItsOwnName() {
        let names = StateStoreConformance.checks.map(\.description)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 10)
    }
}
