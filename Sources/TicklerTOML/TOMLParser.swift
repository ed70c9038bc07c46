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
    /// - Throws: ``TOMLError`` at the first problem.
    public func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        let result = text.utf8.withContiguousStorageIfAvailable { parseResult($0) }
        return try (result ?? Array(text.utf8).withUnsafeBufferPointer { parseResult($0) }).get()
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
        let parser = DocumentParser(bytes: bytes, limits: limits)
        do {
            return .success(try parser.parse())
        } catch {
            return .failure(error)
        }
    }
}
