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
        write(text)
        endLine()
    }

    /// Adds text, writing the buffer out when it is full.
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.capacity { flush() }
    }

    /// Adds `count` spaces.
    mutating func writeSpaces(_ count: Int) {
        guard count > 0 else { return }
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        if buffer.count >= Self.capacity { flush() }
    }

    /// Ends a line.
    mutating func endLine() {
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.capacity { flush() }
    }

    /// The sink behind, with everything collected written to it.
    mutating func flushed() -> Base {
        flush()
        return base
    }

    /// Writes out everything collected.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { base.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
