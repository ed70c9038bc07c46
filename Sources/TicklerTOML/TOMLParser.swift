/// Reads TOML 1.0 documents: `TOMLParser().parse(text)` gives the root table, every key and value with its
/// position, or a ``TOMLError`` naming the first problem and where it is.
///
/// The parser keeps no state between documents and the result holds only plain values. Input is bounded by
/// ``TOMLLimits``: size, nesting and key length, so that no document can exhaust the stack or trap.
public struct TOMLParser: Sendable {
    /// The bounds applied to each document.
    public var limits: TOMLLimits

    /// A parser with `limits`.
    public init(limits: TOMLLimits = TOMLLimits()) {
        self.limits = limits
    }

    /// The root table of the document `text`.
    ///
    /// The text is let go once it is read, before the document is built: a caller that passes its only copy
    /// (`parse(consume text)`) never holds a large file's text and its finished document at once.
    /// - Throws: ``TOMLError`` at the first problem.
    public func parse(_ text: consuming String) throws(TOMLError) -> TOMLTable {
        var arena = DocumentBuilder(maximumDepth: 0, maximumValues: 0)
        let error =
            text.utf8.withContiguousStorageIfAvailable { read($0, into: &arena) }
            ?? Array(text.utf8).withUnsafeBufferPointer { read($0, into: &arena) }
        _ = consume text
        if let error { throw error }
        return arena.build()
    }

    /// The root table of the document in `bytes` (UTF-8, validated here).
    /// - Throws: ``TOMLError`` at the first problem, including bytes that are not UTF-8.
    public func parse(bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        try bytes.withUnsafeBufferPointer { parseResult($0) }.get()
    }

    /// The root table of the document in `bytes` (UTF-8, validated here).
    /// - Throws: ``TOMLError`` at the first problem, including bytes that are not UTF-8.
    public func parse(bytes: UnsafeBufferPointer<UInt8>) throws(TOMLError) -> TOMLTable {
        try parseResult(bytes).get()
    }

    /// Parses `bytes`, with the error as a value (closures of `withUnsafeBufferPointer` do not keep typed throws).
    private func parseResult(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<TOMLTable, TOMLError> {
        var arena = DocumentBuilder(maximumDepth: 0, maximumValues: 0)
        if let error = read(bytes, into: &arena) { return .failure(error) }
        return .success(arena.build())
    }

    /// Reads `bytes` into `arena`, the document unbuilt, or gives the error. Swapped in, never copied: the arena
    /// is built in place, and a second reference to its nodes would copy them all.
    private func read(_ bytes: UnsafeBufferPointer<UInt8>, into arena: inout DocumentBuilder) -> TOMLError? {
        let parser = DocumentParser(bytes: bytes, limits: limits)
        do {
            var read = try parser.read()
            swap(&read, &arena)
            return nil
        } catch {
            return error
        }
    }
}
