/// The sexagenary name of a year (can chi in Vietnamese, 干支 in Chinese): a heavenly stem and an earthly branch.
///
/// Lunar year 2027 is Đinh Mùi / 丁未; the cycle repeats every 60 years (1984, 2044: Giáp Tý / 甲子).
public struct SexagenaryYear: Hashable, Sendable, CustomStringConvertible {
    /// The heavenly stem, 0 (Giáp, 甲) … 9 (Quý, 癸).
    public let stem: Int
    /// The earthly branch, 0 (Tý, 子) … 11 (Hợi, 亥).
    public let branch: Int

    /// The Vietnamese stems.
    static let vietnameseStems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
    /// The Vietnamese branches.
    static let vietnameseBranches = [
        "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
    ]
    /// The Chinese stems.
    static let chineseStems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    /// The Chinese branches.
    static let chineseBranches = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// The name of a lunar year (numbered by the Gregorian year its month 1 begins in).
    public init(lunarYear year: Int) {
        // 1984 was Giáp Tý (stem 0, branch 0).
        stem = ((year - 1984) % 10 + 10) % 10
        branch = ((year - 1984) % 12 + 12) % 12
    }

    /// `Đinh Mùi`.
    public var vietnameseName: String { "\(Self.vietnameseStems[stem]) \(Self.vietnameseBranches[branch])" }

    /// `丁未`.
    public var chineseName: String { Self.chineseStems[stem] + Self.chineseBranches[branch] }

    /// The name in the language of `kind`'s calendar.
    public func name(for kind: LunarCalendarKind) -> String {
        switch kind {
        case .vietnamese: vietnameseName
        case .chinese: chineseName
        }
    }

    /// `Đinh Mùi / 丁未`.
    public var description: String { "\(vietnameseName) / \(chineseName)" }
}
