/// Collects output in memory.
struct ByteArraySink: OutputSink {
    /// Everything written so far.
    var bytes: [UInt8] = []

    mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }

    /// The output as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
