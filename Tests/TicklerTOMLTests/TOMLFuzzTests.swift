import Foundation
import Testing
import TicklerTOML
import TicklerTestKit

/// Seeded random inputs: mutations of every toml-test document and of the sample schedule, and random token soup.
/// Each must parse or throw, never trap or hang, and every position reported must lie inside the document.
@Suite("TOML fuzzing")
struct TOMLFuzzTests {
    /// Fragments that exercise the grammar's corners when spliced into a document.
    static let fragments: [[UInt8]] =
        [
            "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "\n", "\r\n", "\r", "\"", "'", "\"\"\"", "'''", "\\",
            "\\u", "\\U0010FFFF", "\\uD800", "0x", "0o", "0b", "_", "+", "-", "e", "E", "inf", "nan", "true", "false",
            "1979-05-27", "T", "t", " ", "07:32:00", ".999999999", "Z", "+07:00", "\t", "a.b.c", "\"k\"",
            "9223372036854775808",
            "ơ", "云", "\u{FEFF}", "\u{7F}", "\u{0}",
        ].map { Array($0.utf8) } + [[0x80], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// The seeds: every corpus document and the sample schedule.
    static func seeds() throws -> [[UInt8]] {
        let corpus = try TOMLTestCorpus.cases("valid") + TOMLTestCorpus.cases("invalid")
        let schedule = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/schedule.toml")
        return try corpus.map(TOMLTestCorpus.bytes) + [[UInt8](try Data(contentsOf: schedule))]
    }

    /// `seed` changed by one to three random edits.
    static func mutate(_ seed: [UInt8], _ other: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1:
                bytes.insert(contentsOf: fragments.randomElement(using: &random)!, at: position)
            case 2 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
                bytes.removeSubrange(position..<end)
            case 3 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 4 where !other.isEmpty:
                let start = Int.random(in: 0..<other.count, using: &random)
                let end = min(other.count, start + Int.random(in: 1...128, using: &random))
                bytes.insert(contentsOf: other[start..<end], at: position)
            case 5:
                bytes.removeSubrange(position...)
            default:
                bytes.insert(contentsOf: fragments.randomElement(using: &random)!, at: position)
            }
        }
        return bytes
    }

    /// A document of random fragments and bare words.
    static func soup(_ random: inout SeededRandom) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...60, using: &random) {
            if Bool.random(using: &random) {
                bytes += fragments.randomElement(using: &random)!
            } else {
                bytes += Array(
                    ["a", "b", "key", "1", "42", "x = ", "[t]", "[[t]]", "a.b = ", "{ a = 1 }"]
                        .randomElement(using: &random)!.utf8
                )
            }
        }
        return bytes
    }

    /// Checks that every key and value position of `table` lies within a document of `lines` lines.
    static func checkPositions(_ table: TOMLTable, lines: Int) -> Bool {
        var pending: [TOMLValue] = []
        for entry in table.entries {
            guard entry.keyPosition.line <= lines && entry.keyPosition.column >= 1 else { return false }
            pending.append(entry.value)
        }
        while let value = pending.popLast() {
            guard value.position.line >= 1 && value.position.line <= lines && value.position.column >= 1 else {
                return false
            }
            switch value.content {
            case .array(let elements): pending += elements
            case .table(let inner):
                for entry in inner.entries {
                    guard entry.keyPosition.line <= lines && entry.keyPosition.column >= 1 else { return false }
                    pending.append(entry.value)
                }
            default: break
            }
        }
        return true
    }

    @Test("10,000 seeded mutations and token soups parse or throw, with positions inside the document")
    func fuzz() throws {
        let seeds = try Self.seeds()
        var random = SeededRandom(seed: 0x7431_636B_6C65_7231)
        var parsed = 0
        var rejected = 0
        var misplaced: [String] = []
        for round in 0..<10_000 {
            // One round in five is token soup, one in ten mutates the sample schedule (the last seed).
            let seed = round % 10 == 0 ? seeds[seeds.count - 1] : seeds.randomElement(using: &random)!
            let input =
                round % 5 == 4
                ? Self.soup(&random) : Self.mutate(seed, seeds.randomElement(using: &random)!, &random)
            let lines = input.count { $0 == 0x0A } + 1
            do {
                let table = try TOMLParser().parse(bytes: input)
                parsed += 1
                if !Self.checkPositions(table, lines: lines) { misplaced.append("round \(round): a value") }
            } catch {
                rejected += 1
                if error.line < 1 || error.line > lines || error.column < 1 {
                    misplaced.append("round \(round): \(error)")
                }
            }
        }
        print("TOML fuzzing: \(parsed + rejected) inputs, \(parsed) parsed, \(rejected) rejected")
        #expect(parsed > 700 && rejected > 5000, "the mutations reach both outcomes")
        #expect(misplaced.isEmpty, Comment(rawValue: misplaced.joined(separator: "\n")))
    }
}
