import Testing
import TicklerTestKit

@testable import TicklerControl

@Suite("Alignment by display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("Tết", 3), ("Te\u{0302}\u{0301}t", 3), ("春节", 4), ("Châu Văn Sơn", 12), ("abc", 3), ("百色市", 6), ("", 0),
    ])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func tableColumnsLineUpWithVietnameseAndChineseText() {
        var table = TextTable(headings: ["id", "partner", "title"])
        table.rows = [["a", "百色市", "Thư chúc Tết"], ["bb", "Châu Văn Sơn", "Gia hạn"]]
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines == ["ID  PARTNER       TITLE", "a   百色市        Thư chúc Tết", "bb  Châu Văn Sơn  Gia hạn"])
    }

    /// What `ticklerctl list` writes: bytes straight into the buffered sink, the heading bold and left out with
    /// `--no-legend`, a row with more cells than headings written whole after the last column, and rows of 6,250
    /// bytes written twenty times across the buffer's writes, line for line what ``TextTable/renderedLines`` gives.
    @Test func tableWrittenToASinkIsTheRenderedTable() {
        var table = TextTable(headings: ["id", "partner", "title"])
        table.rows = [["a", "百色市", "Thư chúc Tết"], ["bb", "Châu Văn Sơn", "Gia hạn", "extra"]]
        var sink = BufferedSink(ByteArraySink())
        table.write(to: &sink, headingStyle: (on: "<b>", off: "</b>"))
        #expect(
            sink.flushed().text
                == "<b>ID  PARTNER       TITLE</b>\na   百色市        Thư chúc Tết\nbb  Châu Văn Sơn  Gia hạn       extra\n"
        )
        let long = String(repeating: "Thư ", count: 1250)
        table.append(["c", "x", long])
        var bare = BufferedSink(ByteArraySink())
        for _ in 0..<20 { table.write(to: &bare, legend: false) }
        let lines = bare.flushed().text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 61 && lines.last == "")
        #expect(lines[2] == "c   x             " + long)
        #expect(Array(lines[0..<3]) == table.renderedLines().dropFirst().map { Substring($0) })
    }

    /// The byte-wise reading of Latin text (ASCII, Latin-1, U+0100…U+02FF, Vietnamese precomposed letters) gives
    /// what measuring each scalar gives, on random text that mixes those with controls, C1 controls, combining
    /// marks, CJK and emoji (which the scalar path takes over), as strings and as substrings.
    @Test func bytewiseLatinWidthMatchesTheScalarWidths() {
        var random = SeededRandom(seed: 0xD15_7A7)
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x20...0x7E, 0x80...0x9F, 0xA0...0xFF, 0x100...0x2FF, 0x300...0x36F, 0x1E00...0x1EFF,
            0x1DFF...0x1F00, 0x4E00...0x9FFF, 0x1F300...0x1F64F, 0x2000...0x206F,
        ]
        for _ in 0..<20_000 {
            var text = ""
            let latinOnly = Bool.random(using: &random)
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                let range =
                    latinOnly
                    ? [ranges[1], ranges[3], ranges[4], ranges[6]].randomElement(using: &random)!
                    : ranges.randomElement(using: &random)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) {
                    text.unicodeScalars.append(scalar)
                }
            }
            let expected = text.unicodeScalars.reduce(0) { $0 + DisplayWidth.width(of: $1) }
            #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { $0.value })")
            let tail = text.dropFirst(min(2, text.count))
            #expect(DisplayWidth.of(tail) == tail.unicodeScalars.reduce(0) { $0 + DisplayWidth.width(of: $1) })
        }
    }

    /// A cell that `plainWidth` measures is shown as it is and as wide as `of` measures it; every printable
    /// ASCII, Latin and Vietnamese text is such a cell, and text with a control character or another script is not.
    @Test func plainWidthIsTheWidthOfTextThatNeedsNoEscaping() {
        var random = SeededRandom(seed: 0x91A1_4)
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x20...0x7E, 0x80...0x9F, 0xA0...0xFF, 0x100...0x2FF, 0x300...0x36F, 0x1E00...0x1EFF,
            0x4E00...0x9FFF, 0x2000...0x206F, 0x600...0x61F,
        ]
        var plain = 0
        for _ in 0..<20_000 {
            var text = ""
            let latinOnly = Bool.random(using: &random)
            var expectedPlain = true
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                let range =
                    latinOnly
                    ? [ranges[1], ranges[3], ranges[4], ranges[6]].randomElement(using: &random)!
                    : ranges.randomElement(using: &random)!
                guard let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) else { continue }
                let value = scalar.value
                if !((0x20...0x7E).contains(value) || (0xA0...0x2FF).contains(value)
                    || (0x1E00...0x1EFF).contains(value))
                {
                    expectedPlain = false
                }
                text.unicodeScalars.append(scalar)
            }
            let width = DisplayWidth.plainWidth(text)
            #expect((width != nil) == expectedPlain, "\(text.unicodeScalars.map { $0.value })")
            guard let width else { continue }
            plain += 1
            #expect(Terminal.escaped(text) == text)
            #expect(width == DisplayWidth.of(text))
        }
        #expect(plain > 9_000)
        #expect(DisplayWidth.plainWidth("Gửi thư chúc mừng đối tác Quảng Tây") == 35)
        #expect(DisplayWidth.plainWidth("a\u{1B}[31m") == nil)
        #expect(DisplayWidth.plainWidth("a\u{85}") == nil)
        #expect(DisplayWidth.plainWidth("百色") == nil)
        #expect(DisplayWidth.plainWidth("") == 0)
        // Eight bytes read at once: a control character or DEL anywhere in them, or after them, is still seen.
        for position in 0..<20 {
            for odd in ["\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "é", "\u{1B}"] {
                var scalars = Array(repeating: Character("a"), count: 20)
                scalars[position] = Character(odd)
                let text = String(scalars)
                let expected: Int? = odd == "é" ? 20 : nil
                #expect(DisplayWidth.plainWidth(text) == expected, "\(odd) at \(position)")
            }
        }
        #expect(DisplayWidth.plainWidth(String(repeating: " ~", count: 33)) == 66)
    }

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(DisplayWidth.truncated("春节快乐新年", to: 7) == "春节快…")
        #expect(DisplayWidth.truncated("short", to: 7) == "short")
    }
}
