/// Values: strings, booleans, numbers, date-times, arrays and inline tables.
extension DocumentParser {
    /// Reads the value at ``index``, `nesting` arrays and inline tables deep and `depth` levels below the root.
    mutating func value(nesting: Int, depth: Int) throws(TOMLError) -> DocumentBuilder.Slot {
        let start = here
        guard index < bytes.count else { throw TOMLError("expected a value, found the end of the file", at: start) }
        let current = bytes[index]
        if current != Byte.openBracket && current != Byte.openBrace { try builder.countValue(at: start) }
        switch current {
        case Byte.quote:
            let multiLine = byte(at: index + 1) == Byte.quote && byte(at: index + 2) == Byte.quote
            let text = multiLine ? try multiLineBasicString() : try basicString()
            return .value(TOMLValue(.string(text), at: start))
        case Byte.apostrophe:
            let multiLine = byte(at: index + 1) == Byte.apostrophe && byte(at: index + 2) == Byte.apostrophe
            let text = multiLine ? try multiLineLiteralString() : try literalString()
            return .value(TOMLValue(.string(text), at: start))
        case Byte.openBracket:
            return try array(nesting: nesting + 1, depth: depth, start: start)
        case Byte.openBrace:
            return try inlineTable(nesting: nesting + 1, depth: depth, start: start)
        default:
            let token = bareToken()
            guard token.lowerBound < token.upperBound else {
                throw TOMLError("expected a value, found \(describeCurrent())", at: start)
            }
            return .value(TOMLValue(try scalar(token, at: start), at: start))
        }
    }

    /// Reads the array at ``index`` (a `[`).
    private mutating func array(nesting: Int, depth: Int, start: TOMLPosition) throws(TOMLError) -> DocumentBuilder.Slot
    {
        try checkNesting(nesting, at: start)
        let array = try builder.newArray(depth: depth, position: start, isTableArray: false)
        index += 1
        while true {
            try skipSpacesNewlinesAndComments()
            guard index < bytes.count else { throw unterminatedArray(start) }
            if bytes[index] == Byte.closeBracket { break }
            let element = try value(nesting: nesting, depth: depth + 1)
            builder.append(element, toArray: array)
            try skipSpacesNewlinesAndComments()
            guard index < bytes.count else { throw unterminatedArray(start) }
            if bytes[index] == Byte.comma {
                index += 1
                continue
            }
            guard bytes[index] == Byte.closeBracket else {
                throw TOMLError(
                    "expected \",\" or \"]\" after an array element, found \(describeCurrent())",
                    at: here
                )
            }
            break
        }
        index += 1
        return .array(array)
    }

    /// The error for an array opened at `start` and never closed.
    private func unterminatedArray(_ start: TOMLPosition) -> TOMLError {
        TOMLError("unterminated array: no closing \"]\" before the end of the file", at: start)
    }

    /// Reads the inline table at ``index`` (a `{`).
    private mutating func inlineTable(
        nesting: Int,
        depth: Int,
        start: TOMLPosition
    ) throws(TOMLError) -> DocumentBuilder.Slot {
        try checkNesting(nesting, at: start)
        let table = try builder.newTable(depth: depth, position: start, origin: .inline)
        sectionCount += 1
        let section = sectionCount
        index += 1
        skipSpaces()
        if byte(at: index) == Byte.closeBrace {
            index += 1
            builder.freeze(table: table)
            return .table(table)
        }
        while true {
            skipSpaces()
            try checkInlineTableContinues(start)
            try keyValue(in: table, section: section, prefix: [], nesting: nesting)
            skipSpaces()
            try checkInlineTableContinues(start)
            if bytes[index] == Byte.comma {
                index += 1
                skipSpaces()
                if byte(at: index) == Byte.closeBrace {
                    throw TOMLError("a trailing comma is not allowed in an inline table", at: here)
                }
                continue
            }
            guard bytes[index] == Byte.closeBrace else {
                throw TOMLError(
                    "expected \",\" or \"}\" after a key-value pair of an inline table, found \(describeCurrent())",
                    at: here
                )
            }
            index += 1
            builder.freeze(table: table)
            return .table(table)
        }
    }

    /// Requires more of the inline table opened at `start` on this line.
    private func checkInlineTableContinues(_ start: TOMLPosition) throws(TOMLError) {
        guard index < bytes.count else {
            throw TOMLError("unterminated inline table: no closing \"}\" before the end of the file", at: start)
        }
        if bytes[index] == Byte.lineFeed || bytes[index] == Byte.carriageReturn {
            throw TOMLError(
                "an inline table must be written on one line (TOML 1.0); use a [table] for more keys",
                at: here
            )
        }
    }

    /// Refuses an array or inline table nested `nesting` deep when that is deeper than allowed.
    private func checkNesting(_ nesting: Int, at start: TOMLPosition) throws(TOMLError) {
        guard nesting <= limits.maximumValueNesting else {
            throw TOMLError(
                "arrays and inline tables nested more than \(limits.maximumValueNesting) deep",
                at: start
            )
        }
    }

    // MARK: - Scalars

    /// The bytes of a bare value at ``index`` (a number, boolean or date-time), up to the next delimiter; a date
    /// followed by a space and a time (`1979-05-27 07:32:00`) is one token.
    private mutating func bareToken() -> Range<Int> {
        let start = index
        scanTokenBytes()
        if index - start == 10 && byte(at: index) == Byte.space && Byte.isDigit(byte(at: index + 1))
            && Byte.isDigit(byte(at: index + 2)) && byte(at: index + 3) == Byte.colon
            && byte(at: start + 4) == Byte.minus && byte(at: start + 7) == Byte.minus
        {
            index += 1
            scanTokenBytes()
        }
        return start..<index
    }

    /// Advances over letters, digits and `_ + - . :`.
    private mutating func scanTokenBytes() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x30...0x3A, 0x41...0x5A, 0x61...0x7A, Byte.underscore, Byte.plus, Byte.minus, Byte.dot:
                index += 1
            default:
                return
            }
        }
    }

    /// The value a bare token spells.
    private mutating func scalar(_ token: Range<Int>, at start: TOMLPosition) throws(TOMLError) -> TOMLValue.Content {
        let first = bytes[token.lowerBound]
        let length = token.count
        if matches(token, "true") { return .boolean(true) }
        if matches(token, "false") { return .boolean(false) }
        if length >= 5 && Byte.isDigit(first) && Byte.isDigit(bytes[token.lowerBound + 1])
            && Byte.isDigit(bytes[token.lowerBound + 2]) && Byte.isDigit(bytes[token.lowerBound + 3])
            && bytes[token.lowerBound + 4] == Byte.minus
        {
            return try dateTime(token, at: start)
        }
        if length >= 3 && Byte.isDigit(first) && Byte.isDigit(bytes[token.lowerBound + 1])
            && bytes[token.lowerBound + 2] == Byte.colon
        {
            let (time, end) = try time(token, from: token.lowerBound, kind: "time", at: start)
            guard end == token.upperBound else { throw invalid("time", token, at: start) }
            return .localTime(time)
        }
        if Byte.isDigit(first) {
            // Not a number but a date or time written wrongly (`1:32:00`, `02026-05-07`): say so.
            var previous = first
            for offset in token {
                let current = bytes[offset]
                if current == Byte.colon || (current == Byte.minus && Byte.isDigit(previous)) {
                    if token.contains(where: { bytes[$0] == Byte.minus }) {
                        throw invalid(dateKind(token), token, at: start, "expected YYYY-MM-DD")
                    }
                    throw invalid("time", token, at: start, "expected HH:MM:SS")
                }
                previous = current
            }
        }
        let isNumberStart = Byte.isDigit(first) || first == Byte.plus || first == Byte.minus
        if isNumberStart || matches(token, "inf") || matches(token, "nan") {
            return try number(token, at: start)
        }
        throw TOMLError(
            "invalid value \"\(text(from: token.lowerBound, to: token.upperBound))\" (expected a string in quotes, "
                + "a number, true, false, a date-time, an array or an inline table)",
            at: start
        )
    }

    /// Whether `token` is exactly `word`.
    private func matches(_ token: Range<Int>, _ word: StaticString) -> Bool {
        guard token.count == word.utf8CodeUnitCount else { return false }
        let characters = word.utf8Start
        for offset in 0..<token.count where bytes[token.lowerBound + offset] != characters[offset] { return false }
        return true
    }

    /// The error for `token`, which is not a valid `kind`, with an optional reason.
    private func invalid(
        _ kind: String,
        _ token: Range<Int>,
        at start: TOMLPosition,
        _ reason: String? = nil
    )
        -> TOMLError
    {
        let written = text(from: token.lowerBound, to: token.upperBound)
        return TOMLError("invalid \(kind) \"\(written)\"" + (reason.map { ": " + $0 } ?? ""), at: start)
    }

    // MARK: - Numbers

    /// Reads an integer or float token.
    private mutating func number(_ token: Range<Int>, at start: TOMLPosition) throws(TOMLError) -> TOMLValue.Content {
        var cursor = token.lowerBound
        var negative = false
        let signed = bytes[cursor] == Byte.plus || bytes[cursor] == Byte.minus
        if signed {
            negative = bytes[cursor] == Byte.minus
            cursor += 1
        }
        let rest = cursor..<token.upperBound
        if matches(rest, "inf") { return .float(negative ? -.infinity : .infinity) }
        if matches(rest, "nan") { return .float(negative ? -.nan : .nan) }
        guard cursor < token.upperBound else { throw invalid("number", token, at: start) }
        if bytes[cursor] == Byte.zero, cursor + 1 < token.upperBound {
            let radix: Int64? =
                switch bytes[cursor + 1] {
                case 0x78: 16  // x
                case 0x6F: 8  // o
                case 0x62: 2  // b
                default: nil
                }
            if let radix {
                guard !signed else {
                    throw invalid("number", token, at: start, "a sign is not allowed before 0x, 0o or 0b")
                }
                return .integer(try prefixedInteger(token, digitsFrom: cursor + 2, radix: radix, at: start))
            }
        }
        // Decimal: integer part, optional fraction, optional exponent.
        let integerStart = cursor
        try digitRun(token, &cursor, at: start, part: "number")
        if bytes[integerStart] == Byte.zero && cursor - integerStart > 1 {
            throw invalid("number", token, at: start, "leading zeros are not allowed")
        }
        var isFloat = false
        if cursor < token.upperBound && bytes[cursor] == Byte.dot {
            isFloat = true
            cursor += 1
            try digitRun(token, &cursor, at: start, part: "fraction")
        }
        if cursor < token.upperBound && (bytes[cursor] == 0x65 || bytes[cursor] == 0x45) {
            isFloat = true
            cursor += 1
            if cursor < token.upperBound && (bytes[cursor] == Byte.plus || bytes[cursor] == Byte.minus) { cursor += 1 }
            try digitRun(token, &cursor, at: start, part: "exponent")
        }
        guard cursor == token.upperBound else { throw invalid("number", token, at: start) }
        if isFloat {
            scratch.removeAll(keepingCapacity: true)
            for offset in token where bytes[offset] != Byte.underscore { scratch.append(bytes[offset]) }
            guard let value = Double(String(decoding: scratch, as: UTF8.self)) else {
                throw invalid("float", token, at: start)
            }
            return .float(value)
        }
        var value: Int64 = 0
        for offset in integerStart..<token.upperBound where bytes[offset] != Byte.underscore {
            let digit = Int64(bytes[offset] - Byte.zero)
            let (scaled, overflowScale) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) =
                negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            guard !overflowScale && !overflowAdd else { throw tooLarge(token, at: start) }
            value = next
        }
        return .integer(value)
    }

    /// Advances `cursor` over decimal digits with single underscores between them; at least one digit.
    private func digitRun(
        _ token: Range<Int>,
        _ cursor: inout Int,
        at start: TOMLPosition,
        part: String
    ) throws(TOMLError) {
        guard cursor < token.upperBound && Byte.isDigit(bytes[cursor]) else {
            throw invalid("number", token, at: start, part == "number" ? nil : "the \(part) needs digits")
        }
        cursor += 1
        while cursor < token.upperBound {
            let current = bytes[cursor]
            if Byte.isDigit(current) {
                cursor += 1
            } else if current == Byte.underscore {
                guard cursor + 1 < token.upperBound && Byte.isDigit(bytes[cursor + 1]) else {
                    throw invalid("number", token, at: start, "an underscore must stand between two digits")
                }
                cursor += 2
            } else {
                return
            }
        }
    }

    /// Reads the digits of a `0x`, `0o` or `0b` integer.
    private func prefixedInteger(
        _ token: Range<Int>,
        digitsFrom first: Int,
        radix: Int64,
        at start: TOMLPosition
    ) throws(TOMLError) -> Int64 {
        var value: Int64 = 0
        var previousWasDigit = false
        guard first < token.upperBound else { throw invalid("number", token, at: start, "digits are missing") }
        for offset in first..<token.upperBound {
            let current = bytes[offset]
            if current == Byte.underscore {
                guard previousWasDigit && offset + 1 < token.upperBound else {
                    throw invalid("number", token, at: start, "an underscore must stand between two digits")
                }
                previousWasDigit = false
                continue
            }
            let digit: Int64
            switch current {
            case 0x30...0x39: digit = Int64(current - 0x30)
            case 0x41...0x46: digit = Int64(current - 0x41 + 10)
            case 0x61...0x66: digit = Int64(current - 0x61 + 10)
            default: throw invalid("number", token, at: start)
            }
            guard digit < radix else { throw invalid("number", token, at: start) }
            let (scaled, overflowScale) = value.multipliedReportingOverflow(by: radix)
            let (next, overflowAdd) = scaled.addingReportingOverflow(digit)
            guard !overflowScale && !overflowAdd else { throw tooLarge(token, at: start) }
            value = next
            previousWasDigit = true
        }
        return value
    }

    /// The error for an integer token beyond 64 bits.
    private func tooLarge(_ token: Range<Int>, at start: TOMLPosition) -> TOMLError {
        invalid(
            "integer",
            token,
            at: start,
            "it does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)"
        )
    }

    // MARK: - Date-times

    /// The value of `digits` decimal digits at `offset` inside `token`, or nil.
    private func digits(_ token: Range<Int>, at offset: Int, count: Int) -> Int? {
        guard offset >= token.lowerBound && offset + count <= token.upperBound else { return nil }
        var value = 0
        for position in offset..<(offset + count) {
            let current = bytes[position]
            guard Byte.isDigit(current) else { return nil }
            value = value * 10 + Int(current - Byte.zero)
        }
        return value
    }

    /// `date-time` when `token` has a time part (a `T` or a space), else `date`, for messages.
    private func dateKind(_ token: Range<Int>) -> String {
        token.contains { bytes[$0] == 0x54 || bytes[$0] == 0x74 || bytes[$0] == Byte.space } ? "date-time" : "date"
    }

    /// Reads a date, local date-time or offset date-time token (it starts with four digits and `-`).
    private func dateTime(_ token: Range<Int>, at start: TOMLPosition) throws(TOMLError) -> TOMLValue.Content {
        let base = token.lowerBound
        let kind = dateKind(token)
        guard let year = digits(token, at: base, count: 4), byte(at: base + 4) == Byte.minus,
            let month = digits(token, at: base + 5, count: 2),
            byte(at: base + 7) == Byte.minus, let day = digits(token, at: base + 8, count: 2)
        else {
            throw invalid(kind, token, at: start, "expected YYYY-MM-DD")
        }
        guard (1...12).contains(month) else {
            throw invalid(kind, token, at: start, "month \(month) is not 1 to 12")
        }
        let days = TOMLDate.daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            throw invalid(kind, token, at: start, "day \(day) is not 1 to \(days) in that month")
        }
        let date = TOMLDate(year: year, month: month, day: day)
        if token.count == 10 { return .localDate(date) }
        let separator = bytes[base + 10]
        guard separator == 0x54 || separator == 0x74 || separator == Byte.space else {
            throw invalid(kind, token, at: start, "expected T or a space between the date and the time")
        }
        let (time, end) = try time(token, from: base + 11, kind: kind, at: start)
        if end == token.upperBound { return .localDateTime(TOMLLocalDateTime(date: date, time: time)) }
        let designator = bytes[end]
        if (designator == 0x5A || designator == 0x7A) && end + 1 == token.upperBound {
            return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: 0))
        }
        guard designator == Byte.plus || designator == Byte.minus, end + 6 == token.upperBound,
            let hours = digits(token, at: end + 1, count: 2), bytes[end + 3] == Byte.colon,
            let minutes = digits(token, at: end + 4, count: 2)
        else {
            throw invalid(kind, token, at: start, "expected Z or an offset such as +07:00 after the time")
        }
        guard hours <= 23 && minutes <= 59 else {
            throw invalid(kind, token, at: start, "the offset must be at most 23:59")
        }
        let offset = (hours * 60 + minutes) * (designator == Byte.minus ? -1 : 1)
        return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: offset))
    }

    /// Reads `HH:MM:SS[.fraction]` at `offset` in `token`; returns the time and the offset after it.
    private func time(
        _ token: Range<Int>,
        from offset: Int,
        kind: String,
        at start: TOMLPosition
    ) throws(TOMLError) -> (TOMLTime, Int) {
        guard let hour = digits(token, at: offset, count: 2), byte(at: offset + 2) == Byte.colon,
            let minute = digits(token, at: offset + 3, count: 2), byte(at: offset + 5) == Byte.colon,
            let second = digits(token, at: offset + 6, count: 2),
            offset + 8 <= token.upperBound
        else {
            throw invalid(kind, token, at: start, "expected a time HH:MM:SS")
        }
        guard hour <= 23 else { throw invalid(kind, token, at: start, "hour \(hour) is not 0 to 23") }
        guard minute <= 59 else { throw invalid(kind, token, at: start, "minute \(minute) is not 0 to 59") }
        guard second <= 60 else { throw invalid(kind, token, at: start, "second \(second) is not 0 to 60") }
        var end = offset + 8
        var fraction = ""
        if end < token.upperBound && bytes[end] == Byte.dot {
            let first = end + 1
            end = first
            while end < token.upperBound && Byte.isDigit(bytes[end]) { end += 1 }
            guard end > first else {
                throw invalid(kind, token, at: start, "expected digits after the decimal point")
            }
            fraction = text(from: first, to: end)
        }
        return (TOMLTime(hour: hour, minute: minute, second: second, fractionDigits: fraction), end)
    }
}
