import Testing

@testable import TicklerControl

/// Tables fitted to the terminal's width, the terminal's width itself, and the choice of pager.
@Suite("Fitting tables to the terminal")
struct TableFittingTests {
    /// A table like `ticklerctl list`'s, with Vietnamese (precomposed and decomposed) and Chinese titles.
    static var table: TextTable {
        var table = TextTable(headings: ["next due", "id", "recurrence", "title"])
        table.rows = [
            [
                "2027-01-27 08:00 +07", "spring-festival-greetings-yunnan", "lunar 12-20 (chinese) at 08:00",
                "Gửi thư chúc mừng Tết Xuân (春节) tới Ủy ban Nhân dân tỉnh Vân Nam",
            ],
            [
                "2029-12-15 08:00 +07", "labour-agreement-van-son", "every 5y from 2014-12-15 08:00",
                "Gia ha\u{0323}n Tho\u{0309}a thua\u{0323}\u{0302}n qua\u{0309}n ly\u{0301} lao đo\u{0323}\u{0302}ng",
            ],
            ["2027-04-05 08:00 +07", "qingming", "solar-term qingming", "清明节扫墓慰问百色市友好村"],
        ]
        return table
    }

    @Test(arguments: [40, 60, 80, 100, 120])
    func everyLineFitsAndOnlyTheShrinkableColumnsAreCut(width: Int) {
        let fitted = Self.table.fitted(width: width, shrinking: [3, 2])
        let lines = fitted.lines(legend: true)
        let floor = Self.table.columnWidths[0] + Self.table.columnWidths[1] + 3 * 2 + 2 * TextTable.minimumShrunkWidth
        for line in lines {
            #expect(DisplayWidth.of(line) <= max(width, floor), "\(line)")
        }
        for (original, row) in zip(Self.table.rows, fitted.rows) {
            #expect(row[0] == original[0] && row[1] == original[1])
            for column in [2, 3] where row[column] != original[column] {
                #expect(row[column].hasSuffix("…"))
                #expect(original[column].hasPrefix(String(row[column].dropLast())))
            }
        }
    }

    @Test func aTableThatFitsIsLeftAlone() {
        let wide = Self.table.fitted(width: 500, shrinking: [3, 2])
        #expect(wide.rows == Self.table.rows)
        #expect(wide.lines(legend: true) == Self.table.lines(legend: true))
    }

    @Test func theWidestShrinkableColumnGivesUpWidthFirst() {
        // Natural widths: 20, 32, 30, 64 (+ 6 for separators) = 152. At 120, 32 columns go, all from the title,
        // which stays the wider one.
        let fitted = Self.table.fitted(width: 120, shrinking: [3, 2])
        #expect(fitted.columnWidths == [20, 32, 30, 32])
        #expect(fitted.rows[0][3] == "Gửi thư chúc mừng Tết Xuân (春…")
        #expect(DisplayWidth.of(fitted.rows[2][3]) <= 32)
        // At 100 both give up width until they are as wide as each other.
        #expect(Self.table.fitted(width: 100, shrinking: [3, 2]).columnWidths == [20, 32, 21, 21])
        // Never below the floor, whatever the width asked.
        #expect(Self.table.fitted(width: 10, shrinking: [3, 2]).columnWidths == [20, 32, 10, 10])
    }

    @Test func noLegendLeavesTheHeadingOut() {
        let lines = Self.table.lines(legend: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("2027-01-27 08:00 +07"))
        #expect(Self.table.lines(legend: true).first?.hasPrefix("NEXT DUE") == true)
        #expect(TextTable(headings: ["a"]).lines(legend: false).isEmpty)
    }

    @Test(
        arguments: [
            ([:], false, 120, nil),
            ([:], true, 120, 120),
            ([:], true, nil, 80),
            (["COLUMNS": "60"], false, nil, 60),
            (["COLUMNS": "60"], true, 120, 60),
            (["COLUMNS": "wide"], true, 100, 100),
            (["COLUMNS": "0"], false, nil, nil),
        ] as [([String: String], Bool, Int?, Int?)]
    )
    func terminalWidthAsSystemdReadsIt(environment: [String: String], isTerminal: Bool, terminal: Int?, expected: Int?)
    {
        #expect(
            TerminalWidth.columns(environment: environment, isTerminal: isTerminal, terminalColumns: terminal)
                == expected
        )
    }
}
