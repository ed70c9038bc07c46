/// The bytes of one line as they arrive in chunks, with the limit on its length: what a reader of a request or a
/// reply keeps between reads.
struct LineBuffer {
    /// The most bytes the line may hold, its newline included.
    let maximumBytes: Int
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []

    /// An empty line of at most `maximumBytes`.
    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    /// How many bytes to ask for next: enough to learn that the line is too long, no more.
    var wanted: Int { max(1, min(65_536, maximumBytes + 1 - bytes.count)) }

    /// Adds a chunk; returns the line (through its newline, what follows it dropped) once it is complete, or
    /// ``LineRead/tooLong`` once it cannot be; nil while more is needed.
    mutating func append(_ chunk: ArraySlice<UInt8>) -> LineRead? {
        if let newline = chunk.firstIndex(of: 0x0A) {
            bytes += chunk[...newline]
            return bytes.count <= maximumBytes ? .line(bytes) : .tooLong
        }
        bytes += chunk
        return bytes.count > maximumBytes ? .tooLong : nil
    }
}
