/// The lexical rules of RFC 5545 content lines: TEXT escaping, parameter quoting and line folding.
public enum ICalendarText {
    /// The longest a physical line may be, in octets, not counting its CRLF (RFC 5545 §3.1).
    public static let maximumLineOctets = 75

    /// `text` as an RFC 5545 TEXT value (§3.3.11): `\`, `;` and `,` escaped with a backslash, each line break
    /// (LF, CR LF or CR) written `\n`, and the other control characters, which TEXT cannot carry, dropped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCarriageReturn { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` as a parameter value (§3.2): as is when it is plain text, in double quotes when it holds `:`, `;` or
    /// `,`; double quotes and control characters, which no parameter value can carry, are dropped.
    public static func parameterValue(_ value: String) -> String {
        var plain = ""
        var needsQuotes = false
        for scalar in value.unicodeScalars {
            if scalar == "\"" || (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F { continue }
            if scalar == ":" || scalar == ";" || scalar == "," { needsQuotes = true }
            plain.unicodeScalars.append(scalar)
        }
        return needsQuotes ? "\"\(plain)\"" : plain
    }

    /// One logical content line (without line break) folded into physical lines, each ended by CRLF.
    ///
    /// No physical line exceeds ``maximumLineOctets`` octets; continuation lines start with one space, which
    /// counts toward their length. A fold never falls inside a UTF-8 sequence: it moves back to the start of the
    /// character, so a line of multi-byte text may be a few octets shorter than the limit.
    public static func folded(_ line: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(line)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 36 + 2)
        var start = 0
        var room = maximumLineOctets
        while bytes.count - start > room {
            var cut = start + room
            // Back off over continuation bytes (10xxxxxx) to the first byte of the character; a sequence is at most
            // 4 bytes, so this moves back at most 3 and always leaves a non-empty piece.
            while cut > start + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            result.append(contentsOf: bytes[start..<cut])
            result.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            room = maximumLineOctets - 1
        }
        result.append(contentsOf: bytes[start...])
        result.append(contentsOf: [0x0D, 0x0A])
        return result
    }
}
