/// A plain-text table whose columns are aligned by display width, in the style of `systemctl list-timers`.
struct TextTable {
    /// Where the rows come from.
    private enum Rows {
        /// Every row's cells, one row after another (a table of 100,000 rows holds no array per row), and where
        /// each row ends.
        case stored(cells: [String], ends: [Int32])
        /// `count` rows, each made when it is needed; measured from `measure` when there is one.
        case made(count: Int, row: (Int) -> [String], measure: ((Int) -> [Measure])?)
    }

    /// A cell as a source of rows gives it to be measured: its text, or only the width of text that is shown as
    /// it is (nothing to escape), when that is known without making the text.
    enum Measure {
        /// The cell's text, escaped and measured as a stored cell is.
        case text(String)
        /// The display width of a cell that needs no escaping.
        case width(Int)
    }

    /// The column headings, printed in upper case.
    let headings: [String]
    private var source: Rows = .stored(cells: [], ends: [])

    /// A table with no rows yet.
    init(headings: [String]) { self.headings = headings }

    /// A table of `count` rows, row `index` made by `row(index)` each time it is needed (twice when the table is
    /// written: once to measure, once to write): a large table then holds none of its cells, only what the
    /// rows are made from.
    init(headings: [String], count: Int, row: @escaping (Int) -> [String]) {
        self.headings = headings
        self.source = .made(count: count, row: row, measure: nil)
    }

    /// A table of `count` rows, row `index` made by `row(index)` when it is written and measured from
    /// `measure(index)`, which gives the width of cells it can tell without making them (a date written in ASCII)
    /// and the text of the others: each row is then made once. `measure` gives a row's cells in order, as many as
    /// `row` gives or fewer (cells beyond the headings are not measured).
    init(
        headings: [String],
        count: Int,
        row: @escaping (Int) -> [String],
        measure: @escaping (Int) -> [Measure]
    ) {
        self.headings = headings
        self.source = .made(count: count, row: row, measure: measure)
    }

    /// The number of rows.
    var rowCount: Int {
        switch source {
        case .stored(_, let ends): ends.count
        case .made(let count, _, _): count
        }
    }

    /// The cells of row `index`.
    func row(_ index: Int) -> ArraySlice<String> {
        switch source {
        case .stored(let cells, let ends): cells[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
        case .made(_, let row, _): row(index)[...]
        }
    }

    /// The rows, each with one cell per heading (or more: cells beyond the headings are written unpadded).
    var rows: [[String]] {
        get { (0..<rowCount).map { Array(row($0)) } }
        set {
            source = .stored(cells: [], ends: [])
            for row in newValue { append(row) }
        }
    }

    /// Adds a row at the end (a table whose rows were made as needed keeps them from then on).
    mutating func append(_ row: [String]) {
        var cells: [String] = []
        var ends: [Int32] = []
        switch source {
        case .stored(let storedCells, let storedEnds):
            // Moved out, so that appending does not copy them.
            source = .stored(cells: [], ends: [])
            cells = storedCells
            ends = storedEnds
        case .made(let count, let made, _):
            for index in 0..<count {
                cells += made(index)
                ends.append(Int32(clamping: cells.count))
            }
        }
        cells.append(contentsOf: row)
        // A table of 2^31 cells would not fit in memory long before its ends stopped fitting in four bytes.
        ends.append(Int32(clamping: cells.count))
        source = .stored(cells: cells, ends: ends)
    }

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
    /// Each cell is escaped once (the rare escaped text kept beside the cells), the usual cell that needs no
    /// escaping told by the same scan of its bytes that measures it (``DisplayWidth/plainWidth(_:)``), and measured
    /// twice, for its column's width and for its padding, rather than holding a width per cell; cells and padding
    /// go straight into the sink's buffer, with no string made per line.
    func write<Sink: OutputSink>(
        to sink: inout BufferedSink<Sink>,
        headingStyle: (on: String, off: String)? = nil,
        legend: Bool = true
    ) {
        let columns = headings.count
        var widths = headings.map { DisplayWidth.of($0) }
        // Cells beyond the headings are not measured (they are written as they are, after the last padded
        // column). The few measured cells that needed escaping are kept as shown, by `row * columns + column`:
        // escaping always lengthens the text, and the usual table has none, so that the writing pass escapes
        // nothing again. Widths are measured again as cells are written rather than kept.
        var escapedCells: [Int: String] = [:]
        func measure(_ cell: String, row rowIndex: Int, column: Int) {
            if let width = DisplayWidth.plainWidth(cell) {
                widths[column] = max(widths[column], width)
                return
            }
            let shown = Terminal.escaped(cell)
            if shown.utf8.count != cell.utf8.count { escapedCells[rowIndex * columns + column] = shown }
            widths[column] = max(widths[column], DisplayWidth.of(shown))
        }
        if case .made(_, _, let measured?) = source {
            for rowIndex in 0..<rowCount {
                for (column, cell) in zip(0..<columns, measured(rowIndex)) {
                    switch cell {
                    case .text(let text): measure(text, row: rowIndex, column: column)
                    case .width(let width): widths[column] = max(widths[column], width)
                    }
                }
            }
        } else {
            for rowIndex in 0..<rowCount {
                for (column, cell) in zip(0..<columns, row(rowIndex)) { measure(cell, row: rowIndex, column: column) }
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
        for rowIndex in 0..<rowCount {
            let row = row(rowIndex)
            for (index, cell) in row.enumerated() {
                guard index < columns else {
                    write(Terminal.escaped(cell), at: index, of: row.count, measured: 0)
                    continue
                }
                let shown = escapedCells.isEmpty ? cell : escapedCells[rowIndex * columns + index] ?? cell
                // The last cell of a line is not padded: it need not be measured.
                let measured = index < row.count - 1 ? DisplayWidth.plainWidth(shown) ?? DisplayWidth.of(shown) : 0
                write(shown, at: index, of: row.count, measured: measured)
            }
            sink.endLine()
        }
    }
}
