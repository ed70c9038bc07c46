import Testing
import TicklerTOML

/// Every TOML 1.0.0 case of toml-test: valid documents parse and equal their tagged JSON; invalid ones are
/// rejected with an error (never a crash).
@Suite("toml-test corpus")
struct TOMLTestSuiteTests {
    @Test("every valid case parses and equals its JSON")
    func valid() throws {
        let cases = try TOMLTestCorpus.cases("valid")
        #expect(cases.count == 210, "the TOML 1.0.0 list names 210 valid documents")
        var failures: [String] = []
        for path in cases {
            let bytes = try TOMLTestCorpus.bytes(path)
            do {
                let table = try TOMLParser().parse(bytes: bytes)
                if let problem = TOMLTestCorpus.difference(table, try TOMLTestCorpus.expected(path)) {
                    failures.append("\(path): \(problem)")
                }
            } catch {
                failures.append("\(path): \(error)")
            }
        }
        print("toml-test valid: \(cases.count - failures.count) of \(cases.count) pass")
        #expect(
            failures.isEmpty,
            Comment(rawValue: "\(failures.count) valid cases fail:\n" + failures.joined(separator: "\n"))
        )
    }

    @Test("every invalid case is rejected")
    func invalid() throws {
        let cases = try TOMLTestCorpus.cases("invalid")
        #expect(cases.count == 499, "the TOML 1.0.0 list names 499 invalid documents")
        var failures: [String] = []
        for path in cases {
            let bytes = try TOMLTestCorpus.bytes(path)
            do {
                let table = try TOMLParser().parse(bytes: bytes)
                failures.append("\(path): accepted, as \(table.keys)")
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "\(path): \(error)")
            }
        }
        print("toml-test invalid: \(cases.count - failures.count) of \(cases.count) rejected")
        #expect(
            failures.isEmpty,
            Comment(rawValue: "\(failures.count) invalid cases are accepted:\n" + failures.joined(separator: "\n"))
        )
    }
}
