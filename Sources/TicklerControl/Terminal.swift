#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What standard output is connected to, for the choice of colour.
enum Terminal {
    /// Whether to use ANSI styles: only on a terminal, and never when `$NO_COLOR` is set or `$TERM` is `dumb`.
    static var wantsColour: Bool {
        guard isatty(1) == 1, getenv("NO_COLOR") == nil else { return false }
        guard let term = getenv("TERM") else { return false }
        return String(cString: term) != "dumb"
    }

    /// Bold on and off, or nil when colour is not wanted.
    static var bold: (on: String, off: String)? { wantsColour ? ("\u{1B}[1m", "\u{1B}[0m") : nil }

    /// Wraps `text` in an ANSI colour (`31` red, `33` yellow) when colour is wanted.
    static func coloured(_ text: String, _ code: Int) -> String {
        wantsColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
