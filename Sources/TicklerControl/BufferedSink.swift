/// Collects lines for another sink and hands them on in large writes, so that a table of 100,000 rows costs a few
/// dozen `write(2)` calls rather than one per line.
struct BufferedSink<Base: OutputSink> {
    /// Bytes collected before a write is made.
    static var capacity: Int { 1 << 16 }

    /// Where the bytes go.
    private var base: Base
    /// Bytes not yet handed on.
    private var buffer: [UInt8] = []

    /// A buffer in front of `base`.
    init(_ base: Base) {
        self.base = base
        buffer.reserveCapacity(Self.capacity)
    }

    /// Adds a line of text and its line end, writing the buffer out when it is full.
    mutating func writeLine(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.capacity { flush() }
    }

    /// Writes out everything collected.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { base.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
