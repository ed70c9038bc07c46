import Testing

@testable import TicklerSchedule

/// The min-heap under the planner.
@Suite("BinaryHeap")
struct BinaryHeapTests {
    @Test("pops in ascending order, whether built at once or by insertion")
    func order() {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<2000).map { _ in Int.random(in: -500...500, using: &generator) }
        var built = BinaryHeap(values)
        var inserted = BinaryHeap<Int>()
        for value in values { inserted.insert(value) }
        var fromBuilt: [Int] = []
        var fromInserted: [Int] = []
        while let value = built.popTop() { fromBuilt.append(value) }
        while let value = inserted.popTop() { fromInserted.append(value) }
        #expect(fromBuilt == values.sorted())
        #expect(fromInserted == values.sorted())
        #expect(built.isEmpty && built.top == nil)
    }
}
