/// The ASCII bytes TOML's grammar names.
enum Byte {
    /// Horizontal tab, U+0009.
    static let tab: UInt8 = 0x09
    /// Line feed (LF), U+000A.
    static let lineFeed: UInt8 = 0x0A
    /// Carriage return (CR), U+000D.
    static let carriageReturn: UInt8 = 0x0D
    /// Space, U+0020.
    static let space: UInt8 = 0x20
    /// `"`, U+0022.
    static let quote: UInt8 = 0x22
    /// `#`, U+0023.
    static let hash: UInt8 = 0x23
    /// `'`, U+0027.
    static let apostrophe: UInt8 = 0x27
    /// `+`, U+002B.
    static let plus: UInt8 = 0x2B
    /// `,`, U+002C.
    static let comma: UInt8 = 0x2C
    /// `-`, U+002D.
    static let minus: UInt8 = 0x2D
    /// `.`, U+002E.
    static let dot: UInt8 = 0x2E
    /// `0`, U+0030.
    static let zero: UInt8 = 0x30
    /// `9`, U+0039.
    static let nine: UInt8 = 0x39
    /// `:`, U+003A.
    static let colon: UInt8 = 0x3A
    /// `=`, U+003D.
    static let equals: UInt8 = 0x3D
    /// `[`, U+005B.
    static let openBracket: UInt8 = 0x5B
    /// `\`, U+005C.
    static let backslash: UInt8 = 0x5C
    /// `]`, U+005D.
    static let closeBracket: UInt8 = 0x5D
    /// `_`, U+005F.
    static let underscore: UInt8 = 0x5F
    /// `{`, U+007B.
    static let openBrace: UInt8 = 0x7B
    /// `}`, U+007D.
    static let closeBrace: UInt8 = 0x7D
    /// DEL, U+007F.
    static let delete: UInt8 = 0x7F

    /// Whether `byte` is `0`…`9`.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    /// Whether `byte` is a control character TOML forbids outside escapes: U+0000…U+001F but tab, and U+007F.
    @inline(__always)
    static func isForbiddenControl(_ byte: UInt8) -> Bool { (byte < space && byte != tab) || byte == delete }
}
