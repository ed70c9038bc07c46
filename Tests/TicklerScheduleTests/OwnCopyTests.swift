import Testing
import TicklerTestKit

@testable import TicklerSchedule

/// ``ObligationParser/ownCopy(of:)``: an obligation's texts leave the TOML document's storage (which the daemon's
/// flat memory over reloads depends on) and read the same.
@Suite("ObligationParser.ownCopy")
struct OwnCopyTests {
    @Test("a copy reads as the text, and a text beyond 15 bytes gets storage of its own")
    func copiesReadAsTheTextInTheirOwnStorage() {
        var random = SeededRandom(seed: 0x7163_6f70)
        let pieces = ["a", "-", "7", " ", "ư", "Ngoại", "vụ", "Quảng", "Tây", "百色", "🎋", "\u{301}"]
        for round in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &random) { text += pieces.randomElement(using: &random)! }
            var original = text
            var copy = ObligationParser.ownCopy(of: text)
            #expect(copy == text, "round \(round)")
            #expect(copy.utf8.elementsEqual(text.utf8), "round \(round)")
            let bytes = text.utf8.count
            let shared = original.withUTF8 { from in copy.withUTF8 { to in from.baseAddress == to.baseAddress } }
            // Up to 15 bytes a string is stored inline (each withUTF8 sees its own stack copy).
            if bytes > 15 { #expect(!shared, "round \(round): \(bytes) bytes share the document's storage") }
        }
    }
}
