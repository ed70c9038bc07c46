/// A bounded JSON reader (RFC 8259, integers only) of our own: any bytes give a ``JSONValue`` or a
/// ``JSONReadError``, never a trap, and time and memory grow linearly with the input, which is refused beyond
/// ``maximumBytes`` before it is looked at.
///
/// Beyond RFC 8259 it refuses numbers with a fraction or an exponent and integers outside 64 bits, nesting deeper
/// than ``maximumDepth``, duplicate keys in an object, text that is not UTF-8 and unpaired surrogate escapes.
public struct JSONReader: Sendable {
    /// The most bytes a text may have.
    public var maximumBytes: Int
    /// The most arrays and objects that may be open at once.
    public var maximumDepth: Int

    /// Creates a reader; the defaults are the control protocol's (a request line, 32 levels).
    public init(maximumBytes: Int = ControlProtocol.maximumRequestBytes, maximumDepth: Int = 32) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// Reads the one JSON value that `text` holds (whitespace around it allowed).
    /// - Throws: ``JSONReadError`` at the first problem.
    public func read(_ text: String) throws(JSONReadError) -> JSONValue {
        try read(Array(text.utf8))
    }

    /// Reads the one JSON value that `bytes` hold (whitespace around it allowed).
    /// - Throws: ``JSONReadError`` at the first problem.
    public func read(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
        guard bytes.count <= maximumBytes else {
            throw JSONReadError(offset: maximumBytes, reason: "longer than \(maximumBytes) bytes")
        }
        var cursor = Cursor(bytes: bytes, maximumDepth: maximumDepth)
        let value = try cursor.value(depth: 0)
        cursor.skipWhitespace()
        guard cursor.offset == bytes.count else { throw cursor.failure("unexpected text after the value") }
        return value
    }
}

extension JSONReader {
    /// The reading position in one text.
    private struct Cursor {
        /// The text.
        let bytes: [UInt8]
        /// The most containers open at once.
        let maximumDepth: Int
        /// The next byte to read.
        var offset = 0

        /// Creates a cursor at the start of `bytes`.
        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        /// The byte at the cursor, nil at the end.
        var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        /// An error at the cursor.
        func failure(_ reason: String) -> JSONReadError {
            JSONReadError(offset: offset, reason: offset < bytes.count ? reason : "the text ends early: " + reason)
        }

        /// Moves past spaces, tabs, line feeds and carriage returns.
        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        /// Reads one value, `depth` containers deep.
        mutating func value(depth: Int) throws(JSONReadError) -> JSONValue {
            skipWhitespace()
            guard let byte = current else { throw failure("expected a value") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: throw failure("expected a value")
            }
        }

        /// Reads the literal `word`, answering `value`.
        mutating func literal(_ word: String, _ value: JSONValue) throws(JSONReadError) -> JSONValue {
            let start = offset
            for expected in word.utf8 {
                guard current == expected else {
                    offset = start
                    throw failure("expected a value")
                }
                offset += 1
            }
            return value
        }

        /// Reads an object, its `{` at the cursor.
        mutating func object(depth: Int) throws(JSONReadError) -> JSONValue {
            guard depth <= maximumDepth else { throw failure("nested deeper than \(maximumDepth) levels") }
            offset += 1
            var members: [(key: String, value: JSONValue)] = []
            var keys: Set<String> = []
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                offset += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw failure("expected a string as an object key") }
                let keyOffset = offset
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw JSONReadError(offset: keyOffset, reason: "the key \"\(key)\" appears twice")
                }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw failure("expected ':' after an object key") }
                offset += 1
                members.append((key, try value(depth: depth)))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): offset += 1
                case UInt8(ascii: "}"):
                    offset += 1
                    return .object(members)
                default: throw failure("expected ',' or '}' in an object")
                }
            }
        }

        /// Reads an array, its `[` at the cursor.
        mutating func array(depth: Int) throws(JSONReadError) -> JSONValue {
            guard depth <= maximumDepth else { throw failure("nested deeper than \(maximumDepth) levels") }
            offset += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                offset += 1
                return .array(elements)
            }
            while true {
                elements.append(try value(depth: depth))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): offset += 1
                case UInt8(ascii: "]"):
                    offset += 1
                    return .array(elements)
                default: throw failure("expected ',' or ']' in an array")
                }
            }
        }

        /// Reads an integer: `-?(0|[1-9][0-9]*)` within 64 bits.
        mutating func integer() throws(JSONReadError) -> Int {
            let start = offset
            let negative = current == UInt8(ascii: "-")
            if negative { offset += 1 }
            guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
                throw failure("expected a digit")
            }
            var magnitude: UInt64 = 0
            var digits = 0
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digits == 1 && magnitude == 0 { throw failure("a number must not start with 0") }
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !overflow && !carry else {
                    throw JSONReadError(offset: start, reason: "a number beyond 64 bits")
                }
                magnitude = sum
                digits += 1
                offset += 1
            }
            if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                throw failure("numbers must be integers")
            }
            let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
            guard magnitude <= limit else { throw JSONReadError(offset: start, reason: "a number beyond 64 bits") }
            if negative { return magnitude == limit ? Int.min : -Int(magnitude) }
            return Int(magnitude)
        }

        /// Reads a string, its opening quote at the cursor.
        mutating func string() throws(JSONReadError) -> String {
            offset += 1
            var scalars = String.UnicodeScalarView()
            var runStart = offset
            while true {
                guard let byte = current else { throw failure("expected '\"' to end the string") }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    try appendRun(from: runStart, to: &scalars)
                    if byte == UInt8(ascii: "\"") {
                        offset += 1
                        return String(scalars)
                    }
                    scalars.append(try escape())
                    runStart = offset
                } else if byte < 0x20 {
                    throw failure("a control character in a string must be escaped")
                } else {
                    offset += 1
                }
            }
        }

        /// Appends the unescaped bytes from `runStart` to the cursor, which must be UTF-8.
        func appendRun(from runStart: Int, to scalars: inout String.UnicodeScalarView) throws(JSONReadError) {
            guard runStart < offset else { return }
            guard let text = String(validating: bytes[runStart..<offset], as: UTF8.self) else {
                throw JSONReadError(offset: runStart, reason: "a string that is not UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }

        /// Reads an escape sequence, its backslash at the cursor.
        mutating func escape() throws(JSONReadError) -> Unicode.Scalar {
            offset += 1
            guard let byte = current else { throw failure("expected an escape sequence") }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"): break
            default:
                offset -= 1
                throw failure("an unknown escape sequence")
            }
            let unit = try hexQuad()
            switch unit {
            case 0xD800...0xDBFF:
                guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                else { throw failure("a high surrogate without its low surrogate") }
                offset += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure("a high surrogate without its low surrogate")
                }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw failure("an invalid surrogate pair") }
                return scalar
            case 0xDC00...0xDFFF:
                throw failure("a low surrogate without its high surrogate")
            default:
                guard let scalar = Unicode.Scalar(unit) else { throw failure("an invalid \\u escape") }
                return scalar
            }
        }

        /// Reads four hexadecimal digits.
        mutating func hexQuad() throws(JSONReadError) -> UInt16 {
            var value: UInt16 = 0
            for _ in 0..<4 {
                guard let byte = current else { throw failure("expected four hexadecimal digits after \\u") }
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw failure("expected four hexadecimal digits after \\u")
                }
                value = value << 4 | UInt16(digit)
                offset += 1
            }
            return value
        }
    }
}
