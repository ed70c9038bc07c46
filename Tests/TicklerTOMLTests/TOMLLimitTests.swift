import Testing
import TicklerTOML

/// The inputs that crashed TOMLKit (toml++ assertions, a stack overflow in a destructor), and the limits that make
/// every input end in a document or an error.
@Suite("TOML crashers and limits")
struct TOMLLimitTests {
    /// The error `text` gives, or nil when it parses.
    static func error(_ text: String, limits: TOMLLimits = TOMLLimits()) -> TOMLError? {
        do {
            _ = try TOMLParser(limits: limits).parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("`[` and a newline, and `e=2030-01-01T:`, are errors (TOMLKit aborted on both)")
    func tomlKitAborts() {
        #expect(Self.error("[\n")?.position == TOMLPosition(line: 1, column: 2))
        #expect(Self.error("e=2030-01-01T:")?.message == "invalid date-time \"2030-01-01T:\": expected a time HH:MM:SS")
    }

    @Test("a 100,000-level dotted header is refused at its 1,001st part (TOMLKit overflowed the stack)")
    func deepHeader() {
        let header = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]\nx = 1\n"
        let error = Self.error(header)
        #expect(error?.message == "a key or table name with more than 1000 parts")
        #expect(error?.position == TOMLPosition(line: 1, column: 2002))
    }

    @Test("a 1,000-level header is read, kept and released")
    func thousandLevels() throws {
        let parts = Array(repeating: "a", count: 1000)
        let text = "[" + parts.joined(separator: ".") + "]\nx = 1\n"
        var table = try TOMLParser().parse(text)
        for _ in 0..<999 { table = try #require(table["a"]?.table) }
        #expect(table["a"]?.table?["x"]?.integer == 1)
    }

    @Test("tables nested beyond the depth limit by a header and a dotted key together are refused")
    func depthLimit() {
        let header = "[" + Array(repeating: "a", count: 900).joined(separator: ".") + "]\n"
        let key = Array(repeating: "b", count: 200).joined(separator: ".") + " = 1\n"
        #expect(Self.error(header + key)?.message == "tables and arrays nested more than 1000 levels deep")
        #expect(Self.error(header + key, limits: TOMLLimits(maximumDepth: 1200)) == nil)
    }

    @Test("100,000 nested arrays or inline tables stop at the nesting limit")
    func deepValues() {
        let arrays = "a = " + String(repeating: "[", count: 100_000)
        #expect(Self.error(arrays)?.message == "arrays and inline tables nested more than 128 deep")
        #expect(Self.error(arrays)?.position == TOMLPosition(line: 1, column: 133))
        let tables = "a = " + String(repeating: "{b=", count: 100_000)
        #expect(Self.error(tables)?.message == "arrays and inline tables nested more than 128 deep")
        let within = "a = " + String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(Self.error(within) == nil)
    }

    @Test("the number of values is bounded, tables and arrays included, since memory grows with values")
    func valueLimit() {
        let limits = TOMLLimits(maximumValues: 100)
        // The array and 99 elements are 100 values; a 100th element is one too many.
        #expect(Self.error("a = [" + String(repeating: "1,", count: 99) + "]\n", limits: limits) == nil)
        let ones = "a = [" + String(repeating: "1,", count: 100) + "]\n"
        #expect(Self.error(ones, limits: limits)?.message == "the document holds more than 100 values")
        #expect(Self.error(ones, limits: limits)?.position == TOMLPosition(line: 1, column: 204))
        let tables = String(repeating: "[[t]]\n", count: 100)
        #expect(Self.error(tables, limits: limits)?.description == "100:1: the document holds more than 100 values")
    }

    @Test("parsing in a task keeps nothing: the same document twice gives equal, independent values")
    func noState() async throws {
        let text = "[[o]]\nid = \"a\"\n[[o]]\nid = \"b\"\n"
        async let first = Task { try TOMLParser().parse(text) }.value
        async let second = Task { try TOMLParser().parse(text) }.value
        let (a, b) = try await (first, second)
        #expect(a == b)
        #expect(a["o"]?.array?.count == 2)
    }
}
