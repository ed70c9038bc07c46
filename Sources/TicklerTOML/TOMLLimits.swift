/// Bounds on what one document may hold, so that no input can exhaust memory or the stack.
///
/// A document beyond a limit is rejected with a ``TOMLError`` that names the limit; nothing is truncated.
public struct TOMLLimits: Hashable, Sendable {
    /// The largest document accepted, in bytes (at most `Int32.max`).
    public var maximumBytes: Int
    /// How deeply arrays and inline tables may nest inside one value (`[[[1]]]` nests 3 deep).
    public var maximumValueNesting: Int
    /// The most parts a dotted key or a table header may have (`a.b.c` has 3).
    public var maximumKeyParts: Int
    /// How deeply tables and arrays of any kind (headers, dotted keys, inline values) may nest below the root.
    public var maximumDepth: Int
    /// The most values a document may hold, tables and arrays included: memory grows with values, not bytes
    /// (`[1,1,1,…]` holds a value every two bytes), so this bounds it (about 100 bytes a value while reading).
    public var maximumValues: Int

    /// Limits for schedules and configuration files: 256 MiB, values nested 128 deep, keys of 1,000 parts, a
    /// tree 1,000 levels deep and 10,000,000 values.
    public init(
        maximumBytes: Int = 256 << 20,
        maximumValueNesting: Int = 128,
        maximumKeyParts: Int = 1000,
        maximumDepth: Int = 1000,
        maximumValues: Int = 10_000_000
    ) {
        self.maximumBytes = min(max(0, maximumBytes), Int(Int32.max))
        self.maximumValueNesting = max(1, maximumValueNesting)
        self.maximumKeyParts = max(1, maximumKeyParts)
        self.maximumDepth = max(1, maximumDepth)
        self.maximumValues = max(1, maximumValues)
    }
}
