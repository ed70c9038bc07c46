#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What the readable lines of ``JournalLogHandler`` and ``TerminalEventSink`` share: escaping, quoting, the local
/// timestamp, and writing whole lines to a descriptor.
enum TerminalText {
    /// `text` with every control character escaped (`\n`, `\r`, `\t`, others as `\u{1B}`), and `"` as `\"` when
    /// `quotes`: a title can neither break the line nor send escape sequences to the operator's terminal.
    static func escaped(_ text: String, quotes: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"" where quotes: result += "\\\""
            case "\\" where quotes: result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as it is when it is one plain word, else in double quotes with ``escaped(_:quotes:)``.
    static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes =
            text.isEmpty
            || text.unicodeScalars.contains { scalar in
                scalar == " " || scalar == "\"" || scalar == "\\" || scalar.value < 0x20
                    || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            }
        guard needsQuotes else { return text }
        return "\"" + escaped(text, quotes: true) + "\""
    }

    /// The local time now, `2027-01-27 08:00:00`.
    static func localTimestamp() -> String {
        // Not time(2): glibc reads it from the coarse clock, which lags by up to a tick, so an event fired on the
        // second would be stamped with the second before.
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var now = spec.tv_sec
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `line` and a newline to `descriptor`, retrying after interruptions; gives up silently on errors.
    static func writeLine(_ line: String, to descriptor: Int32) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
