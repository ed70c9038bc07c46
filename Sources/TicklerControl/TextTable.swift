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
        var sink = BufferedSink(ByteArraySink())
        write(to: &sink, headingStyle: headingStyle)
        // Cells are escaped, so the only line ends are the ones written after each line.
        return sink.flushed().text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Writes the heading line (in `headingStyle`, unless `legend` is false), then one line per row, to `sink`.
    ///
    /// Each cell is escaped and measured once (its width kept in one flat array, the rare escaped text beside it),
    /// which costs a scan of its bytes for the usual cell that needs no escaping; cells and padding go straight
    /// into the sink's buffer, with no string made per line.
    func write<Sink: OutputSink>(
        to sink: inout BufferedSink<Sink>,
        headingStyle: (on: String, off: String)? = nil,
        legend: Bool = true
    ) {
        let columns = headings.count
        var widths = headings.map { DisplayWidth.of($0) }
        // The width of cell `column` of row `row` at `row * columns + column`; cells beyond the headings are not
        // measured (they are written as they are, after the last padded column).
        var cellWidths = [Int](repeating: 0, count: rows.count * columns)
        // The few measured cells that needed escaping, as shown, by the same index: escaping always lengthens the
        // text, and the usual table has none, so that the writing pass escapes nothing again.
        var escapedCells: [Int: String] = [:]
        for rowIndex in rows.indices {
            rows[rowIndex].withUnsafeBufferPointer { row in
                for column in 0..<min(columns, row.count) {
                    let shown = Terminal.escaped(row[column])
                    let width = DisplayWidth.of(shown)
                    if shown.utf8.count != row[column].utf8.count { escapedCells[rowIndex * columns + column] = shown }
                    cellWidths[rowIndex * columns + column] = width
                    widths[column] = max(widths[column], width)
                }
            }
        }
        /// Writes cell `index` of a line of `count` cells, shown as `cell` and `measured` columns wide.
        func write(_ cell: String, at index: Int, of count: Int, measured: Int) {
            if index > 0 { sink.write("  ") }
            sink.write(cell)
            if index < count - 1, index < columns, measured < widths[index] {
                sink.writeSpaces(widths[index] - measured)
            }
        }
        if legend {
            let upper = headings.map { $0.uppercased() }
            if let style = headingStyle { sink.write(style.on) }
            for (index, cell) in upper.enumerated() {
                write(cell, at: index, of: upper.count, measured: DisplayWidth.of(cell))
            }
            if let style = headingStyle { sink.write(style.off) }
            sink.endLine()
        }
        for rowIndex in rows.indices {
            rows[rowIndex].withUnsafeBufferPointer { row in
                for index in row.indices {
                    guard index < columns else {
                        write(Terminal.escaped(row[index]), at: index, of: row.count, measured: 0)
                        continue
                    }
                    let cell = rowIndex * columns + index
                    let shown = escapedCells.isEmpty ? row[index] : escapedCells[cell] ?? row[index]
                    write(shown, at: index, of: row.count, measured: cellWidths[cell])
                }
            }
            sink.endLine()
        }
    }
}
