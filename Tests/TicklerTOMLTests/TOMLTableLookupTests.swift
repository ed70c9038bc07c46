import Testing
import TicklerTOML
import TicklerTestKit

/// Looking keys up in a table: by bytes, for small tables (searched in order by a word of length and first seven
/// bytes, absent keys mostly told apart by a signature of that word) and large ones (hashed).
@Suite("TOML table lookups")
struct TOMLTableLookupTests {
    /// Keys that share lengths and first bytes, non-ASCII ones, and spellings that Swift's `==` would merge.
    static let keys = [
        "id", "title", "every", "start", "until", "notes", "owner", "leap", "also", "adjust", "Sơn", "S\u{1A1}n",
        "caf\u{E9}", "cafe\u{301}", "\u{212A}elvin", "Kelvin", "", "a-very-long-key-beyond-fifteen-bytes",
        "a-very-long-key-beyond-fifteen-byteS", "tittle", "titl", "t",
        // The same length and first seven bytes; seven bytes exactly; beyond 255 bytes, differing at the end.
        "abcdefgX", "abcdefgY", "abcdefg", "abcdefh", "adjusts", String(repeating: "k", count: 300),
        String(repeating: "k", count: 299) + "K", String(repeating: "k", count: 301),
    ]

    @Test(arguments: [3, 8, 13, keys.count])
    func everySubsetFindsItsOwnKeysAndNoOther(size: Int) throws {
        var random = SeededRandom(seed: UInt64(size))
        for _ in 0..<200 {
            var unique: [String] = []
            for key in Self.keys.shuffled(using: &random)
            where !unique.contains(where: { Array($0.utf8) == Array(key.utf8) }) {
                unique.append(key)
            }
            let present = Array(unique.prefix(size))
            let table = TOMLTable(
                entries: present.enumerated().map {
                    TOMLTable.Entry(
                        key: $1,
                        keyPosition: TOMLPosition(line: $0 + 1, column: 1),
                        value: TOMLValue(.integer(Int64($0)), at: TOMLPosition(line: $0 + 1, column: 5))
                    )
                }
            )
            for key in Self.keys {
                let written = present.firstIndex { Array($0.utf8) == Array(key.utf8) }
                let found = table.entry(key)
                #expect(found?.keyPosition.line == written.map { $0 + 1 }, "\(key.debugDescription) among \(present)")
                #expect(table[key]?.integer == written.map(Int64.init), "\(key.debugDescription)")
                // A key made once answers as its text does.
                let prepared = TOMLTable.Key(key)
                #expect(table.entry(prepared)?.keyPosition == found?.keyPosition, "\(key.debugDescription)")
                #expect(table.contains(prepared) == (written != nil), "\(key.debugDescription)")
                #expect(table[prepared]?.integer == written.map(Int64.init), "\(key.debugDescription)")
            }
            // A set of the present keys holds each entry; a set of every other key holds none.
            let absent = TOMLTable.KeySet(
                Self.keys.filter { key in !present.contains { Array($0.utf8) == Array(key.utf8) } }
            )
            let known = TOMLTable.KeySet(present)
            for entry in table.entries {
                #expect(known.contains(entry), "\(entry.key.debugDescription)")
                #expect(!absent.contains(entry), "\(entry.key.debugDescription)")
            }
        }
    }

    @Test func canonicallyEquivalentSpellingsAreDifferentKeys() throws {
        let table = try TOMLParser().parse("\"caf\u{E9}\" = 1\n\"cafe\u{301}\" = 2\n\"\u{212A}\" = 3\n")
        #expect(table["caf\u{E9}"]?.integer == 1)
        #expect(table["cafe\u{301}"]?.integer == 2)
        #expect(table["\u{212A}"]?.integer == 3)
        #expect(table["K"] == nil)
    }

    /// Short bare keys recur in every table and are taken from the parser's recent keys: on random documents of
    /// many tables, with keys that fall on the same slot of that cache and keys of eight bytes and more, every
    /// table reads back with exactly the keys written, in order, each holding its own value.
    @Test func recurringBareKeysReadBackAsWritten() throws {
        var random = SeededRandom(seed: 0x7E4_1)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let pool = (0..<80).map { _ in
            String((0..<Int.random(in: 1...10, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        for _ in 0..<50 {
            var text = ""
            var written: [[(String, Int)]] = []
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                text += "[[t]]\n"
                var keys: [(String, Int)] = []
                for key in pool.shuffled(using: &random).prefix(Int.random(in: 0...12, using: &random)) {
                    let value = Int.random(in: 0...1_000_000, using: &random)
                    text += "\(key) = \(value)\n"
                    keys.append((key, value))
                }
                written.append(keys)
            }
            let tables = try #require(try TOMLParser().parse(text)["t"]?.array)
            #expect(tables.count == written.count)
            for (element, keys) in zip(tables, written) {
                let table = try #require(element.table)
                #expect(table.keys == keys.map(\.0))
                for (key, value) in keys { #expect(table[TOMLTable.Key(key)]?.integer == Int64(value), "\(key)") }
            }
        }
    }
}
