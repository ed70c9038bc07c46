/// A plain-text table whose columns are aligned by display width, in the style of `systemctl list-timers`.
struct TextTable {
    /// The column headings, printed in upper case.
    let headings: [String]
    /// The rows; each has one cell per heading.
    var rows: [[String]] = []

    init(headings: [String]) { self.headings = headings }

    /// Renders the table; the last column is not padded. With `bold`, headings are wrapped in the given escape codes.
    ///
    /// Cells are shown with their control characters escaped (``Terminal/escaped(_:)``) and aligned by the display
    /// width of what is shown.
    func render(headingStyle: (on: String, off: String)? = nil) -> String {
        renderedLines(headingStyle: headingStyle).joined(separator: "\n")
    }

    /// The heading line (in `headingStyle`), then one line per row, as ``render(headingStyle:)`` joins them.
    func renderedLines(headingStyle: (on: String, off: String)? = nil) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(rows.count + 1)
        forEachLine(headingStyle: headingStyle) { lines.append($0) }
        return lines
    }

    /// Gives `body` the heading line (in `headingStyle`), then one line per row, without holding them all.
    ///
    /// Each cell is measured once (its width kept in one flat array) and escaped where it is measured and where it
    /// is written, which costs nothing for the usual cell that needs no escaping; a line is assembled in one
    /// preallocated string.
    func forEachLine(headingStyle: (on: String, off: String)? = nil, _ body: (String) -> Void) {
        let columns = headings.count
        var widths = headings.map { DisplayWidth.of($0) }
        // The width of cell `column` of row `row` at `row * columns + column`; cells beyond the headings are not
        // measured (they are written as they are, after the last padded column).
        var cellWidths = [Int](repeating: 0, count: rows.count * columns)
        for (rowIndex, row) in rows.enumerated() {
            for (column, cell) in row.prefix(columns).enumerated() {
                let width = DisplayWidth.of(Terminal.escaped(cell))
                cellWidths[rowIndex * columns + column] = width
                widths[column] = max(widths[column], width)
            }
        }
        let padding = widths.reduce(2 * columns, +)
        var text = ""
        /// Appends cell `index` of a line of `count` cells, shown as `cell` and `measured` columns wide.
        func append(_ cell: String, at index: Int, of count: Int, measured: Int) {
            if index > 0 { text += "  " }
            text += cell
            if index < count - 1, index < columns, measured < widths[index] {
                text += String(repeating: " ", count: widths[index] - measured)
            }
        }
        let upper = headings.map { $0.uppercased() }
        for (index, cell) in upper.enumerated() {
            append(cell, at: index, of: upper.count, measured: DisplayWidth.of(cell))
        }
        if let style = headingStyle { text = style.on + text + style.off }
        body(text)
        for rowIndex in rows.indices {
            let count = rows[rowIndex].count
            text = ""
            text.reserveCapacity(padding + 160)
            for index in 0..<count {
                let measured = index < columns ? cellWidths[rowIndex * columns + index] : 0
                append(Terminal.escaped(rows[rowIndex][index]), at: index, of: count, measured: measured)
            }
            body(text)
        }
    }
}
