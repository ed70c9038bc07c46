import ArgumentParser
import TicklerPlatform
import TicklerSchedule

/// How the table verbs (`list`, `upcoming`) show a table, as `systemctl list-timers` does: fitted to the
/// terminal's width, through a pager on a terminal, with a heading line and a closing line.
struct TableViewOptions: ParsableArguments {
    @Flag(name: .customLong("no-pager"), help: "Do not pipe the output into a pager.")
    var noPager = false

    @Flag(name: .customLong("no-legend"), help: "Do not print the column headings and the closing count.")
    var noLegend = false

    /// Writes `table` to standard output, through the pager on a terminal: fitted to the terminal's width (or
    /// `$COLUMNS`), the columns in `shrinking` giving up width in that order, and followed by `footer` after an
    /// empty line, unless `--no-legend`.
    func show(_ table: TextTable, shrinking: [Int], footer: String) {
        let environment = ProcessEnvironment.current()
        // Width and colour are those of the terminal: decide them before the pager takes standard output.
        let width = TerminalWidth.current(environment: environment)
        let style = Terminal.bold
        let fitted = width.map { table.fitted(width: $0, shrinking: shrinking) } ?? table
        let pager = noPager ? nil : Pager.start(environment: environment)
        defer { pager?.finish() }
        var output = BufferedSink(FileDescriptorSink.standardOutput)
        fitted.write(to: &output, headingStyle: style, legend: !noLegend)
        if !noLegend { output.writeLine("\n" + footer) }
        output.flush()
    }
}
