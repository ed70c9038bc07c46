/// A min-heap in an array: the smallest element on top, O(log n) insertion and removal.
public struct BinaryHeap<Element: Comparable & Sendable>: Sendable {
    /// The elements, in heap order.
    public private(set) var elements: [Element] = []

    /// An empty heap.
    public init() {}

    /// A heap of `elements`, built in O(n).
    public init(_ elements: [Element]) {
        self.elements = elements
        var index = elements.count / 2 - 1
        while index >= 0 {
            siftDown(from: index)
            index -= 1
        }
    }

    /// The number of elements.
    public var count: Int { elements.count }

    /// Whether the heap is empty.
    public var isEmpty: Bool { elements.isEmpty }

    /// The smallest element.
    public var top: Element? { elements.first }

    /// Adds `element`. O(log n).
    public mutating func insert(_ element: Element) {
        elements.append(element)
        siftUp(from: elements.count - 1)
    }

    /// Removes and returns the smallest element. O(log n).
    public mutating func popTop() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let result = elements.removeLast()
        if !elements.isEmpty { siftDown(from: 0) }
        return result
    }

    /// Moves the element at `start` up until its parent is not larger.
    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[child] < elements[parent] else { return }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    /// Moves the element at `start` down until no child is smaller.
    private mutating func siftDown(from start: Int) {
        var parent = start
        let count = elements.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var smallest = left
            if left + 1 < count, elements[left + 1] < elements[left] { smallest = left + 1 }
            guard elements[smallest] < elements[parent] else { return }
            elements.swapAt(smallest, parent)
            parent = smallest
        }
    }
}
