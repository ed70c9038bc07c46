public import TicklerCalendar

/// The 24 solar terms (tiết khí, 节气): the moments the Sun's apparent longitude reaches a multiple of 15°.
///
/// Cases are in the order they occur in a Gregorian year, from Minor Cold (285°, about 5 January) to the Winter
/// Solstice (270°, about 22 December); each occurs exactly once per Gregorian year. The twelve at multiples of 30°
/// are the principal terms (trung khí, 中气) that place the leap month. Keys are pinyin without tones, as the
/// schedule file's `solar-term` key takes them.
public enum SolarTerm: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case xiaohan, dahan, lichun, yushui, jingzhe, chunfen, qingming, guyu, lixia, xiaoman, mangzhong, xiazhi
    case xiaoshu, dashu, liqiu, chushu, bailu, qiufen, hanlu, shuangjiang, lidong, xiaoxue, daxue, dongzhi

    /// The key, e.g. `qingming`.
    public var key: String { Self.names[rawValue].key }

    /// The Vietnamese name, e.g. `Thanh Minh`.
    public var vietnameseName: String { Self.names[rawValue].vietnamese }

    /// The Chinese name, e.g. `清明`.
    public var chineseName: String { Self.names[rawValue].chinese }

    /// The English name, e.g. `Pure Brightness`.
    public var englishName: String { Self.names[rawValue].english }

    /// The name in the language of `kind`'s calendar.
    public func name(for kind: LunarCalendarKind) -> String {
        kind == .vietnamese ? vietnameseName : chineseName
    }

    /// The Sun's apparent longitude at this term, in degrees (Qingming: 15).
    public var longitude: Int { (285 + 15 * rawValue) % 360 }

    /// Whether this is a principal term (trung khí, 中气): a multiple of 30°.
    public var isPrincipal: Bool { longitude % 30 == 0 }

    /// The key.
    public var description: String { key }

    /// The term with `key` (case-insensitive; also accepts the Vietnamese name without regard to case, e.g.
    /// "Thanh Minh"), or throws an error listing the keys.
    public init(parsing text: String) throws(LunarParseError) {
        let wanted = text.lowercased()
        guard
            let index = Self.names.firstIndex(where: { $0.key == wanted || $0.vietnamese.lowercased() == wanted })
        else {
            throw LunarParseError(
                kind: .solarTerm,
                text: text,
                reason: "expected one of \(Self.allCases.map(\.key).joined(separator: ", "))"
            )
        }
        self.init(rawValue: index)!
    }

    /// The moment of this term in Gregorian year `year` (UTC).
    public func instant(in year: Int) -> Instant {
        Instant(microsecondsSinceEpoch: JulianDay.microsecondsSinceEpoch(ut: universalJulianDay(in: year)))
    }

    /// The local date of this term in Gregorian year `year` at a fixed offset from UTC.
    public func date(in year: Int, utcOffsetSeconds: Int) -> CivilDate {
        CivilDate(
            daysSinceEpoch: JulianDay.localDay(ut: universalJulianDay(in: year), utcOffsetSeconds: utcOffsetSeconds)
        )
    }

    /// The local date of this term in Gregorian year `year` on `kind`'s calendar (UTC+7 or UTC+8; Beijing mean time
    /// for the Chinese calendar before 1929).
    public func date(in year: Int, calendar kind: LunarCalendarKind) -> CivilDate {
        let ut = universalJulianDay(in: year)
        return CivilDate(
            daysSinceEpoch: JulianDay.localDay(
                ut: ut,
                utcOffsetSeconds: kind.utcOffsetSeconds(atUniversalJulianDay: ut)
            )
        )
    }

    /// The UT Julian day of this term in `year`.
    func universalJulianDay(in year: Int) -> Double {
        // Mean date: about 5 January for Minor Cold, then every 365.2422/24 days.
        let january = JulianDay.unixEpoch + Double(CivilDate(unchecked: year, 1, 1).daysSinceEpoch)
        let estimate = january + 4.5 + 15.218_425 * Double(rawValue)
        return JulianDay.universalTime(
            fromDynamical: SunPosition.jde(whenLongitudeIs: Double(longitude), near: estimate)
        )
    }

    /// Keys and names, in case order.
    private static let names: [(key: String, vietnamese: String, chinese: String, english: String)] = [
        ("xiaohan", "Tiểu Hàn", "小寒", "Minor Cold"), ("dahan", "Đại Hàn", "大寒", "Major Cold"),
        ("lichun", "Lập Xuân", "立春", "Start of Spring"), ("yushui", "Vũ Thủy", "雨水", "Rain Water"),
        ("jingzhe", "Kinh Trập", "惊蛰", "Awakening of Insects"), ("chunfen", "Xuân Phân", "春分", "Spring Equinox"),
        ("qingming", "Thanh Minh", "清明", "Pure Brightness"), ("guyu", "Cốc Vũ", "谷雨", "Grain Rain"),
        ("lixia", "Lập Hạ", "立夏", "Start of Summer"), ("xiaoman", "Tiểu Mãn", "小满", "Grain Buds"),
        ("mangzhong", "Mang Chủng", "芒种", "Grain in Ear"), ("xiazhi", "Hạ Chí", "夏至", "Summer Solstice"),
        ("xiaoshu", "Tiểu Thử", "小暑", "Minor Heat"), ("dashu", "Đại Thử", "大暑", "Major Heat"),
        ("liqiu", "Lập Thu", "立秋", "Start of Autumn"), ("chushu", "Xử Thử", "处暑", "End of Heat"),
        ("bailu", "Bạch Lộ", "白露", "White Dew"), ("qiufen", "Thu Phân", "秋分", "Autumn Equinox"),
        ("hanlu", "Hàn Lộ", "寒露", "Cold Dew"), ("shuangjiang", "Sương Giáng", "霜降", "Frost's Descent"),
        ("lidong", "Lập Đông", "立冬", "Start of Winter"), ("xiaoxue", "Tiểu Tuyết", "小雪", "Minor Snow"),
        ("daxue", "Đại Tuyết", "大雪", "Major Snow"), ("dongzhi", "Đông Chí", "冬至", "Winter Solstice"),
    ]
}
