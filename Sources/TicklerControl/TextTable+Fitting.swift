extension TextTable {
    /// The narrowest a shrunk column becomes: its heading, and at least this many columns.
    static var minimumShrunkWidth: Int { 10 }

    /// The display width of each column: its widest cell or heading.
    var columnWidths: [Int] {
        var widths = headings.map { DisplayWidth.of($0) }
        for rowIndex in 0..<rowCount {
            for (index, cell) in zip(widths.indices, row(rowIndex)) {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return widths
    }

    /// The table cut to `width` display columns, as `systemctl` fits its tables to the terminal: the columns in
    /// `shrinkable` give up width, always the widest of them first (the first listed on a tie), each down to its
    /// heading and at least ``minimumShrunkWidth``; their cells are ellipsized with `…` by display width, so that
    /// Vietnamese and Chinese text cut cleanly. A table that fits, or cannot be made to fit, keeps what it can;
    /// the other columns stay whole.
    func fitted(width: Int, shrinking shrinkable: [Int]) -> TextTable {
        var widths = columnWidths
        let separators = 2 * max(0, widths.count - 1)
        var excess = widths.reduce(separators, +) - width
        guard excess > 0 else { return self }
        let columns = shrinkable.filter { $0 < widths.count }
        let floors = columns.map { max(DisplayWidth.of(headings[$0]), Self.minimumShrunkWidth) }
        // One column a step, so at most `excess` steps, and `excess` is at most the sum of the widths.
        while excess > 0 {
            var widest: Int?
            for (position, column) in columns.enumerated() where widths[column] > floors[position] {
                if widest.map({ widths[column] > widths[columns[$0]] }) ?? true { widest = position }
            }
            guard let widest else { break }
            widths[columns[widest]] -= 1
            excess -= 1
        }
        // Cut as each row is made: a large table is not held a second time.
        return TextTable(headings: headings, count: rowCount) { [self, widths] rowIndex in
            row(rowIndex).enumerated().map { index, cell in
                index < widths.count && columns.contains(index) ? DisplayWidth.truncated(cell, to: widths[index]) : cell
            }
        }
    }

    /// The table's lines: with its heading line (in `headingStyle`) unless `legend` is false.
    func lines(legend: Bool, headingStyle: (on: String, off: String)? = nil) -> [String] {
        let lines = renderedLines(headingStyle: headingStyle)
        return legend ? lines : Array(lines.dropFirst())
    }
}
