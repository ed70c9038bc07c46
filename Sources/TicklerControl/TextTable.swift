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
        func line(_ cells: [String], width: (Int) -> Int) -> String {
            var text = ""
            text.reserveCapacity(cells.reduce(2 * cells.count) { $0 + $1.utf8.count } + widths.reduce(0, +))
            for (index, cell) in cells.enumerated() {
                if index > 0 { text += "  " }
                text += cell
                if index < cells.count - 1, index < columns, case let measured = width(index), measured < widths[index]
                {
                    text += String(repeating: " ", count: widths[index] - measured)
                }
            }
            return text
        }
        let upper = headings.map { $0.uppercased() }
        var heading = line(upper) { DisplayWidth.of(upper[$0]) }
        if let style = headingStyle { heading = style.on + heading + style.off }
        body(heading)
        for (rowIndex, row) in rows.enumerated() {
            body(line(row.map(Terminal.escaped)) { cellWidths[rowIndex * columns + $0] })
        }
    }
}
