#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What standard output is connected to, for the choice of colour, and text made safe to show on it.
enum Terminal {
    /// Whether to use ANSI styles: only on a terminal, and never when `$NO_COLOR` is set or `$TERM` is `dumb`.
    static var wantsColour: Bool {
        guard isatty(1) == 1, getenv("NO_COLOR") == nil else { return false }
        guard let term = getenv("TERM") else { return false }
        return String(cString: term) != "dumb"
    }

    /// Bold on and off, or nil when colour is not wanted.
    static var bold: (on: String, off: String)? { wantsColour ? ("\u{1B}[1m", "\u{1B}[0m") : nil }

    /// `text` with every character that could control a terminal written out visibly as `\u{XX}` (hexadecimal
    /// code point, upper case, as in Swift): C0 controls (tab and newline too, so one entry stays one line), DEL,
    /// C1 controls, the line and paragraph separators U+2028 and U+2029, and the bidirectional formatting
    /// characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that can reorder what a line shows. An
    /// escape sequence in a title thus prints as `\u{1B}[31m` instead of turning the terminal red. Everything else
    /// is kept, backslashes included; `--json` and the journal keep the exact text.
    static func escaped(_ text: String) -> String {
        // Every scalar that needs escaping has a UTF-8 form that is, or starts with, one of these bytes: C0
        // controls and DEL, 0xC2 (C1 controls), 0xD8 (U+061C), 0xE2 (U+200E…U+2069). Text without them is kept.
        let mayNeedEscape =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
            } ?? true
        guard mayNeedEscape else { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether ``escaped(_:)`` writes `scalar` out.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Wraps `text` in an ANSI colour (`31` red, `33` yellow) when colour is wanted.
    static func coloured(_ text: String, _ code: Int) -> String {
        wantsColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
