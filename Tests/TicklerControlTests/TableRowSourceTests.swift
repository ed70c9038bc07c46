import Testing
import TicklerTestKit

@testable import TicklerControl

/// A table whose rows are made as they are needed (`ticklerctl list`: 100,000 rows never held) writes exactly what
/// the same table with its rows stored writes, fitted or not.
@Suite("Tables with rows made as needed")
struct TableRowSourceTests {
    /// Cells of every kind a table meets: ASCII, Vietnamese (precomposed and decomposed), Chinese, control
    /// characters to escape, empty ones.
    static let cells = [
        "2027-01-27 08:00 +07", "-", "21 days 1 hour", "labour-agreement-van-son", "every 5y from 2014-12-15 08:00",
        "Gửi thư chúc mừng Tết Xuân (春节)", "Gia ha\u{0323}n Tho\u{0309}a thua\u{0323}\u{0302}n", "清明节扫墓", "",
        "a\u{1B}[2Jb", "tab\there", "Bách Sắc",
    ]

    /// `count` random rows of `columns` cells, some with one cell more (written unpadded after the last column).
    static func randomRows(_ count: Int, columns: Int, _ random: inout SeededRandom) -> [[String]] {
        (0..<count).map { _ in
            let width = Int.random(in: 0..<8, using: &random) == 0 ? columns + 1 : columns
            return (0..<width).map { _ in cells[Int.random(in: 0..<cells.count, using: &random)] }
        }
    }

    /// The headings of round `round` (one to five), random rows for them, and the table storing those rows.
    static func randomTable(round: Int, _ random: inout SeededRandom) -> ([String], [[String]], TextTable) {
        let headings = Array(["next due", "left", "id", "recurrence", "title"].prefix(1 + round % 5))
        let rows = randomRows(Int.random(in: 0..<40, using: &random), columns: headings.count, &random)
        var stored = TextTable(headings: headings)
        for row in rows { stored.append(row) }
        return (headings, rows, stored)
    }

    @Test func madeRowsWriteWhatStoredRowsWrite() {
        var random = SeededRandom(seed: 0x7AB1E)
        for round in 0..<200 {
            let (headings, rows, stored) = Self.randomTable(round: round, &random)
            var made = 0
            let lazy = TextTable(headings: headings, count: rows.count) { index in
                made += 1
                return rows[index]
            }
            #expect(lazy.rowCount == rows.count)
            #expect(lazy.rows == rows && stored.rows == rows)
            made = 0
            let style = (on: "<", off: ">")
            #expect(lazy.lines(legend: true, headingStyle: style) == stored.lines(legend: true, headingStyle: style))
            // Measured, then written: each row made twice, none held.
            #expect(made == 2 * rows.count)
            let width = Int.random(in: 10..<120, using: &random)
            let shrinking = [headings.count - 1, max(0, headings.count - 2)]
            #expect(
                lazy.fitted(width: width, shrinking: shrinking).lines(legend: false)
                    == stored.fitted(width: width, shrinking: shrinking).lines(legend: false)
            )
        }
    }

    /// Measured from a source that gives the widths of the cells that need no escaping and the text of the others,
    /// a table makes each row once, when it is written, and writes what the stored table writes; one whose
    /// source gives every cell's text writes the same.
    @Test func rowsMeasuredFromTheirWidthsAreMadeOnce() {
        var random = SeededRandom(seed: 0x7AB1F)
        for round in 0..<200 {
            let (headings, rows, stored) = Self.randomTable(round: round, &random)
            let byWidth = Bool.random(using: &random)
            var made = 0
            var measured = 0
            let lazy = TextTable(
                headings: headings,
                count: rows.count,
                row: { index in
                    made += 1
                    return rows[index]
                },
                measure: { index in
                    measured += 1
                    return rows[index].prefix(headings.count).map { cell in
                        byWidth
                            ? DisplayWidth.plainWidth(cell).map(TextTable.Measure.width) ?? .text(cell) : .text(cell)
                    }
                }
            )
            let style = (on: "<", off: ">")
            #expect(lazy.lines(legend: true, headingStyle: style) == stored.lines(legend: true, headingStyle: style))
            #expect(made == rows.count && measured == rows.count)
        }
    }

    @Test func aRowAppendedToAMadeTableKeepsTheRowsBefore() {
        var table = TextTable(headings: ["id", "title"], count: 2) { ["row-\($0)", "Văn Sơn \($0)"] }
        table.append(["row-2", "Bách Sắc"])
        #expect(table.rows == [["row-0", "Văn Sơn 0"], ["row-1", "Văn Sơn 1"], ["row-2", "Bách Sắc"]])
    }
}
