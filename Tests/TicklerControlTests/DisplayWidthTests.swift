import Testing

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
        table.rows.append(["c", "x", long])
        var bare = BufferedSink(ByteArraySink())
        for _ in 0..<20 { table.write(to: &bare, legend: false) }
        let lines = bare.flushed().text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 61 && lines.last == "")
        #expect(lines[2] == "c   x             " + long)
        #expect(Array(lines[0..<3]) == table.renderedLines().dropFirst().map { Substring($0) })
    }

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(DisplayWidth.truncated("春节快乐新年", to: 7) == "春节快…")
        #expect(DisplayWidth.truncated("short", to: 7) == "short")
    }
}
