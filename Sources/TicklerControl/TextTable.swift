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
        let rows = rows.map { $0.map(Terminal.escaped) }
        var widths = headings.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[index])
            }.joined(separator: "  ")
        }
        var heading = line(headings.map { $0.uppercased() })
        if let style = headingStyle { heading = style.on + heading + style.off }
        return ([heading] + rows.map(line)).joined(separator: "\n")
    }
}
