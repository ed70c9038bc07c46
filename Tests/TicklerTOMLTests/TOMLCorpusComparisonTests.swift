import Testing
import TicklerTOML

/// The corpus test's comparison itself: a document that differs from its JSON must be reported, so that
/// "every valid case passes" means something.
@Suite("toml-test comparison")
struct TOMLCorpusComparisonTests {
    /// A tagged JSON leaf as JSONSerialization gives it.
    static func leaf(_ type: String, _ value: String) -> [String: Any] { ["type": type, "value": value] }

    @Test("differences of value, type, key set and array length are found")
    func differences() throws {
        let table = try TOMLParser().parse("a = 1\nb = [1.5, \"x\"]\nc = 1979-05-27T07:32:00.5Z\n")
        let same: [String: Any] = [
            "a": Self.leaf("integer", "1"),
            "b": [Self.leaf("float", "1.5"), Self.leaf("string", "x")],
            "c": Self.leaf("datetime", "1979-05-27 07:32:00.500+00:00"),
        ]
        #expect(TOMLTestCorpus.difference(table, same) == nil)
        var changed = same
        changed["a"] = Self.leaf("integer", "2")
        #expect(TOMLTestCorpus.difference(table, changed) != nil)
        changed = same
        changed["a"] = Self.leaf("float", "1")
        #expect(TOMLTestCorpus.difference(table, changed) != nil)
        changed = same
        changed["b"] = [Self.leaf("float", "1.5")]
        #expect(TOMLTestCorpus.difference(table, changed) != nil)
        changed = same
        changed["d"] = Self.leaf("bool", "true")
        #expect(TOMLTestCorpus.difference(table, changed) != nil)
        changed = same
        changed["c"] = Self.leaf("datetime", "1979-05-27T07:32:00.6Z")
        #expect(TOMLTestCorpus.difference(table, changed) != nil)
    }

    @Test("date-times are normalised as toml-test writes them")
    func normalising() {
        #expect(TOMLTestCorpus.normalised("1987-07-05 17:45:00.600z") == "1987-07-05T17:45:00.6Z")
        #expect(TOMLTestCorpus.normalised("1987-07-05T17:45:00.000-00:00") == "1987-07-05T17:45:00Z")
        #expect(TOMLTestCorpus.normalised("17:45:00.120") == "17:45:00.12")
    }
}
