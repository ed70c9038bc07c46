/// A min-heap in an array: the smallest element on top, O(log n) insertion and removal.
struct BinaryHeap<Element: Comparable>: Sendable where Element: Sendable {
    private(set) var elements: [Element] = []

    init() {}

    /// A heap of `elements`, built in O(n).
    init(_ elements: [Element]) {
        self.elements = elements
        var index = elements.count / 2 - 1
        while index >= 0 {
            siftDown(from: index)
            index -= 1
        }
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }

    /// The smallest element.
    var top: Element? { elements.first }

    mutating func insert(_ element: Element) {
        elements.append(element)
        siftUp(from: elements.count - 1)
    }

    /// Removes and returns the smallest element.
    mutating func popTop() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let result = elements.removeLast()
        if !elements.isEmpty { siftDown(from: 0) }
        return result
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[child] < elements[parent] else { return }
            elements.swapAt(child, parent)
            child = parent
        }
    }

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
