/// TOML's four kinds of string, read from the opening quote.
///
/// A string without escapes (or, multi-line, without CRLF line ends) is made straight from the document's bytes;
/// otherwise its bytes are assembled in ``DocumentParser/scratch``.
extension DocumentParser {
    /// Reads a `"basic string"` at ``index``.
    mutating func basicString() throws(TOMLError) -> String {
        let open = here
        index += 1
        var runStart = index
        var assembling = false
        while true {
            guard index < bytes.count else { throw unterminated(open) }
            let current = bytes[index]
            if current == Byte.quote { break }
            if current == Byte.backslash {
                if !assembling {
                    scratch.removeAll(keepingCapacity: true)
                    assembling = true
                }
                appendRun(from: runStart)
                try escape(multiLine: false)
                runStart = index
            } else if current >= 0x80 {
                index += try scalarLength()
            } else if Byte.isForbiddenControl(current) {
                if current == Byte.lineFeed || current == Byte.carriageReturn { throw unterminated(open) }
                throw controlCharacterError(in: "a string (write it as an escape such as \\u0007)")
            } else {
                index += 1
            }
        }
        let text = assembling ? finishAssembly(from: runStart) : text(from: runStart, to: index)
        index += 1
        return text
    }

    /// Reads a `"""multi-line basic string"""` at ``index``.
    mutating func multiLineBasicString() throws(TOMLError) -> String {
        let open = here
        index += 3
        try trimFirstNewline()
        var runStart = index
        var assembling = false
        while true {
            guard index < bytes.count else {
                throw TOMLError(
                    "unterminated multi-line string: no closing \"\"\" before the end of the file",
                    at: open
                )
            }
            let current = bytes[index]
            switch current {
            case Byte.quote:
                let run = quoteRun(Byte.quote)
                guard run >= 3 else {
                    index += run
                    continue
                }
                guard run <= 5 else {
                    throw TOMLError("too many quotes: at most two may come just before the closing \"\"\"", at: here)
                }
                let end = index + run - 3
                let text: String
                if assembling {
                    index = end
                    text = finishAssembly(from: runStart)
                } else {
                    text = self.text(from: runStart, to: end)
                }
                index = end + 3
                return text
            case Byte.backslash:
                if !assembling {
                    scratch.removeAll(keepingCapacity: true)
                    assembling = true
                }
                appendRun(from: runStart)
                try escape(multiLine: true)
                runStart = index
            case Byte.lineFeed:
                index += 1
                startLine()
            case Byte.carriageReturn:
                guard byte(at: index + 1) == Byte.lineFeed else {
                    throw TOMLError("a carriage return (CR) must be followed by a line feed (LF)", at: here)
                }
                if !assembling {
                    scratch.removeAll(keepingCapacity: true)
                    assembling = true
                }
                appendRun(from: runStart)
                scratch.append(Byte.lineFeed)
                index += 2
                startLine()
                runStart = index
            default:
                if current >= 0x80 {
                    index += try scalarLength()
                } else if Byte.isForbiddenControl(current) {
                    throw controlCharacterError(in: "a string (write it as an escape such as \\u0007)")
                } else {
                    index += 1
                }
            }
        }
    }

    /// Reads a `'literal string'` at ``index``.
    mutating func literalString() throws(TOMLError) -> String {
        let open = here
        index += 1
        let start = index
        while true {
            guard index < bytes.count else { throw unterminated(open, quote: "'") }
            let current = bytes[index]
            if current == Byte.apostrophe { break }
            if current >= 0x80 {
                index += try scalarLength()
            } else if Byte.isForbiddenControl(current) {
                if current == Byte.lineFeed || current == Byte.carriageReturn { throw unterminated(open, quote: "'") }
                throw controlCharacterError(in: "a literal string")
            } else {
                index += 1
            }
        }
        let text = text(from: start, to: index)
        index += 1
        return text
    }

    /// Reads a `'''multi-line literal string'''` at ``index``.
    mutating func multiLineLiteralString() throws(TOMLError) -> String {
        let open = here
        index += 3
        try trimFirstNewline()
        var runStart = index
        var assembling = false
        while true {
            guard index < bytes.count else {
                throw TOMLError(
                    "unterminated multi-line literal string: no closing ''' before the end of the file",
                    at: open
                )
            }
            let current = bytes[index]
            switch current {
            case Byte.apostrophe:
                let run = quoteRun(Byte.apostrophe)
                guard run >= 3 else {
                    index += run
                    continue
                }
                guard run <= 5 else {
                    throw TOMLError("too many quotes: at most two may come just before the closing '''", at: here)
                }
                let end = index + run - 3
                let text: String
                if assembling {
                    index = end
                    text = finishAssembly(from: runStart)
                } else {
                    text = self.text(from: runStart, to: end)
                }
                index = end + 3
                return text
            case Byte.lineFeed:
                index += 1
                startLine()
            case Byte.carriageReturn:
                guard byte(at: index + 1) == Byte.lineFeed else {
                    throw TOMLError("a carriage return (CR) must be followed by a line feed (LF)", at: here)
                }
                if !assembling {
                    scratch.removeAll(keepingCapacity: true)
                    assembling = true
                }
                appendRun(from: runStart)
                scratch.append(Byte.lineFeed)
                index += 2
                startLine()
                runStart = index
            default:
                if current >= 0x80 {
                    index += try scalarLength()
                } else if Byte.isForbiddenControl(current) {
                    throw controlCharacterError(in: "a literal string")
                } else {
                    index += 1
                }
            }
        }
    }

    // MARK: - Helpers

    /// The error for a single-line string opened at `open` and not closed on its line.
    private func unterminated(_ open: TOMLPosition, quote: String = "\"") -> TOMLError {
        let triple = String(repeating: quote, count: 3)
        return TOMLError(
            "unterminated string: no closing \(quote) on its line (a string over several lines is written "
                + "\(triple)…\(triple))",
            at: open
        )
    }

    /// The length of the run of `quote` bytes at ``index``.
    private func quoteRun(_ quote: UInt8) -> Int {
        var run = 1
        while byte(at: index + run) == quote { run += 1 }
        return run
    }

    /// Skips the line end right after an opening `"""` or `'''`, which is not part of the string.
    private mutating func trimFirstNewline() throws(TOMLError) {
        let current = byte(at: index)
        if current == Byte.lineFeed || (current == Byte.carriageReturn && byte(at: index + 1) == Byte.lineFeed) {
            try newline()
        }
    }

    /// The text of bytes `start..<end`, already validated as UTF-8.
    func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Appends the bytes from `start` to ``index`` to ``scratch``.
    private mutating func appendRun(from start: Int) {
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    }

    /// The assembled text, with the bytes from `start` to ``index`` appended.
    private mutating func finishAssembly(from start: Int) -> String {
        appendRun(from: start)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads the escape at ``index`` (a backslash) into ``scratch``; in a multi-line string a backslash that ends a
    /// line removes the line end and the whitespace after it.
    private mutating func escape(multiLine: Bool) throws(TOMLError) {
        let position = here
        guard index + 1 < bytes.count else {
            throw TOMLError("unterminated string: the file ends after a backslash", at: position)
        }
        let code = bytes[index + 1]
        let simple: UInt8? =
            switch code {
            case 0x62: 0x08  // \b
            case 0x74: 0x09  // \t
            case 0x6E: 0x0A  // \n
            case 0x66: 0x0C  // \f
            case 0x72: 0x0D  // \r
            case Byte.quote: Byte.quote
            case Byte.backslash: Byte.backslash
            default: nil
            }
        if let simple {
            scratch.append(simple)
            index += 2
            return
        }
        let isWhitespace =
            code == Byte.space || code == Byte.tab || code == Byte.lineFeed || code == Byte.carriageReturn
        switch code {
        case 0x75, 0x55:  // \u, \U
            try unicodeEscape(digits: code == 0x75 ? 4 : 8, at: position)
        case _ where isWhitespace && multiLine:
            var next = index + 1
            while next < bytes.count && (bytes[next] == Byte.space || bytes[next] == Byte.tab) { next += 1 }
            let end = byte(at: next)
            guard next < bytes.count && (end == Byte.lineFeed || end == Byte.carriageReturn) else {
                throw TOMLError(
                    "invalid escape: a backslash followed by spaces must end its line (a line-ending backslash)",
                    at: position
                )
            }
            index = next
            while index < bytes.count {
                switch bytes[index] {
                case Byte.space, Byte.tab: index += 1
                case Byte.lineFeed, Byte.carriageReturn: try newline()
                default: return
                }
            }
        default:
            index += 1
            let shown = describeCurrent()
            index -= 1
            throw TOMLError(
                "invalid escape: a backslash followed by \(shown) (valid escapes: \\b \\t \\n \\f \\r \\\" \\\\ "
                    + "\\uXXXX \\UXXXXXXXX)",
                at: position
            )
        }
    }

    /// Reads `\uXXXX` (4 digits) or `\UXXXXXXXX` (8) at ``index`` into ``scratch``.
    private mutating func unicodeEscape(digits: Int, at position: TOMLPosition) throws(TOMLError) {
        var value: UInt32 = 0
        let first = index + 2
        for offset in first..<(first + digits) {
            let digit = byte(at: offset)
            let nibble: UInt8
            switch digit {
            case 0x30...0x39: nibble = digit - 0x30
            case 0x41...0x46: nibble = digit - 0x41 + 10
            case 0x61...0x66: nibble = digit - 0x61 + 10
            default:
                let letter = digits == 4 ? "u" : "U"
                throw TOMLError(
                    "invalid Unicode escape: \\\(letter) needs \(digits) hexadecimal digits",
                    at: position
                )
            }
            value = value << 4 | UInt32(nibble)
        }
        guard let scalar = Unicode.Scalar(value) else {
            let code = Digits.hex(Int(value), width: 4)
            throw TOMLError(
                "invalid Unicode escape: U+\(code) is not a Unicode scalar value (surrogates and values above "
                    + "U+10FFFF are not)",
                at: position
            )
        }
        scratch.append(contentsOf: String(Character(scalar)).utf8)
        index = first + digits
    }
}
