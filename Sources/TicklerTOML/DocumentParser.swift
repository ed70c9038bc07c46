/// Reads one TOML 1.0 document from UTF-8 bytes, top to bottom, stopping at the first error.
///
/// Works on bytes: UTF-8 is validated where TOML allows non-ASCII text (strings and comments); everywhere else a
/// non-ASCII byte is an error. Lines and columns are tracked as the bytes go by, columns in Unicode scalars.
/// Values nested inside arrays and inline tables are read recursively, to a depth bounded by
/// ``TOMLLimits/maximumValueNesting``; everything else is iterative.
struct DocumentParser {
    /// The document.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The bounds applied.
    let limits: TOMLLimits
    /// The next byte to read.
    var index = 0
    /// The line of ``index``.
    var line = 1
    /// The offset at which ``line`` starts.
    var lineStart = 0
    /// The UTF-8 continuation bytes between ``lineStart`` and ``index``, so columns count scalars.
    var continuationBytes = 0
    /// The tables and arrays read so far.
    var builder: DocumentBuilder
    /// Bytes of the string or number being assembled.
    var scratch: [UInt8] = []
    /// The parts of the key just read.
    var keyParts: [KeyPart] = []
    /// Short bare keys read lately, by a hash of their word (``bareKey(from:word:)``).
    var recentKeys = [(word: UInt64, name: String)?](repeating: nil, count: 32)
    /// Numbers table sections and inline tables, for the dotted-key rules.
    var sectionCount = 0
    /// The number of the current table section (0: the root's, before any header).
    var currentSection = 0
    /// The name in the current table section's header (empty for the root's), for messages.
    var sectionName: [KeyPart] = []

    /// A parser of `bytes` within `limits`.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: TOMLLimits) {
        self.bytes = bytes
        self.limits = limits
        builder = DocumentBuilder(maximumDepth: limits.maximumDepth, maximumValues: limits.maximumValues)
    }

    /// Every table and array of the document, read and checked but not yet built: the bytes are no longer needed
    /// (every key and string is copied out of them), so a caller may let them go before it builds the document.
    /// - Throws: ``TOMLError`` at the first problem.
    consuming func read() throws(TOMLError) -> DocumentBuilder {
        guard bytes.count <= limits.maximumBytes else {
            throw TOMLError(
                "the document is \(bytes.count) bytes, more than the limit of \(limits.maximumBytes)",
                at: TOMLPosition(line: 1, column: 1)
            )
        }
        // A byte order mark is allowed once, at the very start; it is not a column.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
        var table = 0
        var headers = 0
        while true {
            skipSpaces()
            guard index < bytes.count else { break }
            switch bytes[index] {
            case Byte.lineFeed, Byte.carriageReturn:
                try newline()
            case Byte.hash:
                try skipComment()
            case Byte.openBracket:
                // A large document takes a while: a cancelled task (a service stopping) gives up every 1024 tables.
                headers += 1
                if headers % 1024 == 0 && Task.isCancelled {
                    throw TOMLError("reading given up: the task was cancelled", at: here)
                }
                table = try header()
                try endOfLine(after: "a table header")
            default:
                try keyValue(in: table, section: currentSection, prefix: sectionName, nesting: 0)
                try endOfLine(after: "a key-value pair")
            }
        }
        // The arena is moved out: built from the property, it would be copied, and every node would stay alive
        // beside the finished document until the parser goes (a third of the peak memory).
        var arena = DocumentBuilder(maximumDepth: 0, maximumValues: 0)
        swap(&arena, &builder)
        return arena
    }

    // MARK: - Positions and messages

    /// The position of ``index``.
    var here: TOMLPosition {
        TOMLPosition(line: line, column: index - lineStart - continuationBytes + 1)
    }

    /// The byte at `offset`, or 0 past the end (every use checks for a real NUL separately).
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    /// What is at ``index``, for messages: `"x"`, `the end of the line`, `U+0007`, `"é" (U+00E9)`.
    func describeCurrent() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let first = bytes[index]
        switch first {
        case Byte.lineFeed: return "the end of the line"
        case Byte.carriageReturn:
            return byte(at: index + 1) == Byte.lineFeed ? "the end of the line" : "a carriage return (U+000D)"
        case Byte.quote: return "'\"'"
        case 0x21...0x7E: return "\"" + String(UnicodeScalar(first)) + "\""
        case Byte.space: return "a space"
        case Byte.tab: return "a tab"
        case 0..<0x80: return "U+" + Digits.hex(Int(first), width: 4)
        default:
            guard let (scalar, _) = Self.decodeScalar(bytes, at: index) else { return "bytes that are not UTF-8" }
            return "\"" + String(Character(scalar)) + "\" (U+" + Digits.hex(Int(scalar.value), width: 4) + ")"
        }
    }

    /// The error for a control character at ``index`` inside `place`.
    func controlCharacterError(in place: String) -> TOMLError {
        let code = "U+" + Digits.hex(Int(bytes[index]), width: 4)
        return TOMLError("control character \(code) is not allowed in \(place)", at: here)
    }

    // MARK: - Trivia

    /// Skips spaces and tabs.
    @inline(__always)
    mutating func skipSpaces() {
        while index < bytes.count && (bytes[index] == Byte.space || bytes[index] == Byte.tab) { index += 1 }
    }

    /// Reads the line end at ``index`` (LF or CRLF).
    mutating func newline() throws(TOMLError) {
        if bytes[index] == Byte.carriageReturn {
            guard byte(at: index + 1) == Byte.lineFeed else {
                throw TOMLError("a carriage return (CR) must be followed by a line feed (LF)", at: here)
            }
            index += 1
        }
        index += 1
        startLine()
    }

    /// Notes that a new line starts at ``index``.
    @inline(__always)
    mutating func startLine() {
        line += 1
        lineStart = index
        continuationBytes = 0
    }

    /// Skips a comment up to (not including) its line end.
    mutating func skipComment() throws(TOMLError) {
        index += 1
        while index < bytes.count {
            let current = bytes[index]
            if current >= 0x80 {
                index += try scalarLength()
            } else if current == Byte.lineFeed {
                return
            } else if current == Byte.carriageReturn {
                guard byte(at: index + 1) == Byte.lineFeed else {
                    throw TOMLError("a carriage return (CR) must be followed by a line feed (LF)", at: here)
                }
                return
            } else if Byte.isForbiddenControl(current) {
                throw controlCharacterError(in: "a comment")
            } else {
                index += 1
            }
        }
    }

    /// Skips spaces, line ends and comments, as allowed between array elements.
    mutating func skipSpacesNewlinesAndComments() throws(TOMLError) {
        while index < bytes.count {
            switch bytes[index] {
            case Byte.space, Byte.tab: index += 1
            case Byte.lineFeed, Byte.carriageReturn: try newline()
            case Byte.hash: try skipComment()
            default: return
            }
        }
    }

    /// Requires the end of the line (after spaces and a comment) or of the file after `what`.
    mutating func endOfLine(after what: String) throws(TOMLError) {
        skipSpaces()
        guard index < bytes.count else { return }
        if bytes[index] == Byte.hash { try skipComment() }
        guard index < bytes.count else { return }
        guard bytes[index] == Byte.lineFeed || bytes[index] == Byte.carriageReturn else {
            throw TOMLError("expected the end of the line after \(what), found \(describeCurrent())", at: here)
        }
        try newline()
    }

    // MARK: - UTF-8

    /// The length of the valid UTF-8 scalar at ``index`` (whose first byte is not ASCII), counted for columns.
    /// - Throws: ``TOMLError`` when the bytes are not UTF-8.
    mutating func scalarLength() throws(TOMLError) -> Int {
        guard let (_, length) = Self.decodeScalar(bytes, at: index) else {
            throw TOMLError("invalid UTF-8", at: here)
        }
        continuationBytes += length - 1
        return length
    }

    /// The scalar encoded at `offset` and its length in bytes; nil for bytes that are not shortest-form UTF-8 of a
    /// Unicode scalar value.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int)? {
        let first = bytes[offset]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch first {
        case 0x00...0x7F: return (Unicode.Scalar(first), 1)
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let second = bytes[offset + 1]
        guard second >= low && second <= high else { return nil }
        var value = UInt32(first) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        value = value << 6 | UInt32(second & 0x3F)
        for next in (offset + 2)..<(offset + length) {
            let continuation = bytes[next]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    // MARK: - Keys, headers, key-value pairs

    /// Reads a key (bare, quoted or dotted) into ``keyParts``, and the spaces after it.
    mutating func key() throws(TOMLError) {
        keyParts.removeAll(keepingCapacity: true)
        while true {
            let position = here
            let current = byte(at: index)
            let name: String
            let word: UInt64
            if index < bytes.count && KeyPart.isBare(current) {
                let start = index
                while index < bytes.count && KeyPart.isBare(bytes[index]) { index += 1 }
                word = TOMLTable.word(of: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                name = bareKey(from: start, word: word)
            } else if index < bytes.count && (current == Byte.quote || current == Byte.apostrophe) {
                if byte(at: index + 1) == current && byte(at: index + 2) == current {
                    throw TOMLError("a key cannot be a multi-line string", at: position)
                }
                name = current == Byte.quote ? try basicString() : try literalString()
                word = TOMLTable.word(of: name)
            } else {
                let what = keyParts.isEmpty ? "expected a key" : "expected a key after \".\""
                throw TOMLError("\(what), found \(describeCurrent())", at: position)
            }
            keyParts.append(KeyPart(name: name, position: position, word: word))
            guard keyParts.count <= limits.maximumKeyParts else {
                throw TOMLError("a key or table name with more than \(limits.maximumKeyParts) parts", at: position)
            }
            skipSpaces()
            guard byte(at: index) == Byte.dot else { return }
            index += 1
            skipSpaces()
        }
    }

    /// The name of the bare key from `start` to ``index``, whose word is `word`.
    ///
    /// The same few keys recur in every table of a schedule: a key of at most seven bytes (whose word is its
    /// bytes) read lately is taken from ``recentKeys`` rather than made again. Such a key is a small string,
    /// held in place, so keeping it costs no allocation.
    private mutating func bareKey(from start: Int, word: UInt64) -> String {
        guard index - start <= 7 else { return text(from: start, to: index) }
        let slot = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 59)
        if let recent = recentKeys[slot], recent.word == word { return recent.name }
        let name = text(from: start, to: index)
        recentKeys[slot] = (word, name)
        return name
    }

    /// Reads a `[table]` or `[[array-of-tables]]` header and returns the table it opens.
    mutating func header() throws(TOMLError) -> Int {
        let position = here
        let isArray = byte(at: index + 1) == Byte.openBracket
        index += isArray ? 2 : 1
        sectionCount += 1
        currentSection = sectionCount
        skipSpaces()
        try key()
        sectionName = keyParts
        if isArray {
            guard byte(at: index) == Byte.closeBracket && byte(at: index + 1) == Byte.closeBracket else {
                throw TOMLError(
                    "expected \"]]\" to close [[\(KeyPart.header(keyParts[...]).dropFirst().dropLast())]], "
                        + "found \(describeCurrent())",
                    at: here
                )
            }
            index += 2
            return try builder.appendTableArrayElement(keyParts, header: position)
        }
        guard byte(at: index) == Byte.closeBracket else {
            throw TOMLError(
                "expected \"]\" to close \(KeyPart.header(keyParts[...])), found \(describeCurrent())",
                at: here
            )
        }
        index += 1
        return try builder.defineTable(keyParts, header: position)
    }

    /// Reads `key = value` into `table`, a table of table section (or inline table) `section` whose header names
    /// `prefix`, `nesting` arrays and inline tables deep.
    mutating func keyValue(in table: Int, section: Int, prefix: [KeyPart], nesting: Int) throws(TOMLError) {
        try key()
        guard byte(at: index) == Byte.equals else {
            throw TOMLError(
                "expected \"=\" after key \(KeyPart.display(keyParts[...])), found \(describeCurrent())",
                at: here
            )
        }
        index += 1
        skipSpaces()
        let target = try builder.resolve(keyParts, in: table, section: section, prefix: prefix)
        let stem = keyParts[keyParts.count - 1]
        let slot = try value(nesting: nesting, depth: builder.depth(ofTable: target) + 1)
        builder.insert(slot, key: stem, in: target)
    }
}
