/// Zero-padded decimal formatting for date and time fields.
enum TwoDigits {
    /// `n` with at least two digits.
    static func pad(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }

    /// `n` with at least `width` digits.
    static func pad(_ n: Int, width: Int) -> String {
        let digits = String(abs(n))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return n < 0 ? "-" + padded : padded
    }

    /// A year as ISO 8601 writes it: four digits.
    static func year(_ year: Int) -> String { pad(year, width: 4) }
}
