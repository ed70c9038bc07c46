/// A tiny cursor over ASCII text for fixed-width date and time fields.
struct DigitScanner {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: some StringProtocol) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { position == bytes.count }

    /// The byte at the cursor, if any.
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Reads exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[position + offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += digits
        return value
    }

    /// Reads one or more decimal digits, returning their value and count.
    mutating func digitRun() -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while let byte = peek, byte >= 0x30, byte <= 0x39, count < 18 {
            value = value * 10 + Int(byte - 0x30)
            count += 1
            position += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// Consumes `character` when it is next.
    mutating func skip(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, peek == ascii else { return false }
        position += 1
        return true
    }
}
