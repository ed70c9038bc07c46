#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many columns a table may take, as systemd's tools decide it: `$COLUMNS` when set, else the width of the
/// terminal on standard output (`ioctl(TIOCGWINSZ)`); no limit when standard output is not a terminal, so that
/// piped output keeps every character.
enum TerminalWidth {
    /// The width used when standard output is a terminal that does not say its size.
    static let fallback = 80

    /// The number of columns to fit tables to, or nil for no limit.
    /// - Parameters:
    ///   - environment: the process environment (`COLUMNS`).
    ///   - isTerminal: whether standard output is a terminal.
    ///   - terminalColumns: the terminal's width, when it reports one.
    static func columns(environment: [String: String], isTerminal: Bool, terminalColumns: Int?) -> Int? {
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        guard isTerminal else { return nil }
        return terminalColumns ?? fallback
    }

    /// The number of columns to fit tables to for this process's standard output, or nil for no limit.
    static func current(environment: [String: String]) -> Int? {
        columns(environment: environment, isTerminal: isatty(1) == 1, terminalColumns: terminalColumns(of: 1))
    }

    /// The width of the terminal on `descriptor`, or nil when it is not a terminal or reports no width.
    static func terminalColumns(of descriptor: Int32) -> Int? {
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
        guard result == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
