/// Where ticklerctl writes its output: standard output in the tool, a byte array in tests.
protocol OutputSink {
    /// Writes all of `bytes`.
    mutating func write(_ bytes: UnsafeRawBufferPointer)
}

/// Collects output in memory.
struct ByteArraySink: OutputSink {
    /// Everything written so far.
    var bytes: [UInt8] = []

    mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }

    /// The output as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
