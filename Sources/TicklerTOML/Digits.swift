/// Decimal and hexadecimal formatting without Foundation.
enum Digits {
    /// `value` in decimal, padded with leading zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `value` in upper-case hexadecimal, padded with leading zeros to `width` digits.
    static func hex(_ value: Int, width: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
