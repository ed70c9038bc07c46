/// Where ticklerctl writes its output: standard output in the tool, a byte array in tests.
protocol OutputSink {
    /// Writes all of `bytes`.
    mutating func write(_ bytes: UnsafeRawBufferPointer)
}
