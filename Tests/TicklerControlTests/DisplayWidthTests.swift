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

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(DisplayWidth.truncated("春节快乐新年", to: 7) == "春节快…")
        #expect(DisplayWidth.truncated("short", to: 7) == "short")
    }
}
