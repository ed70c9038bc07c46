import Testing
import TicklerCalendar
import TicklerLunar

/// The 24 solar terms against lunar-python's precise instants (Beijing time, UTC+8), and their names.
@Suite("Solar terms")
struct SolarTermTests {
    /// Terms whose UTC+8 date differs from the reference, and why.
    static let divergences: [String: String] = [
        "1979 dahan": "reference 1979-01-20 23:59:56 UTC+8; Tickler's Sun series (≈1″) gives 00:00:02 on the 21st"
    ]

    @Test("Every term of 1900–2100 falls on the reference's UTC+8 date, within 30 s of its instant")
    func everyTerm() throws {
        let lines = try Fixture.lines("solar-terms-chinese.txt")
        #expect(lines.count == 24 * 201)
        for line in lines {
            let parts = line.split(separator: " ")
            let local = try #require(LocalDateTime(iso: parts[0]))
            let term = try SolarTerm(parsing: String(parts[1]))
            let year = local.date.year
            let reference = ZoneRules.fixed(offsetSeconds: 28_800).instant(for: local)
            let seconds = term.instant(in: year).microseconds(since: reference) / 1_000_000
            #expect(abs(seconds) <= 30, "\(year) \(term): \(seconds) s off")
            let date = term.date(in: year, utcOffsetSeconds: 28_800)
            if Self.divergences["\(year) \(term)"] == nil {
                #expect(date == local.date, "\(year) \(term)")
            } else {
                #expect(date != local.date)
            }
        }
    }

    @Test("Keys, names and longitudes")
    func names() throws {
        #expect(SolarTerm.allCases.count == 24)
        #expect(SolarTerm.qingming.key == "qingming")
        #expect(SolarTerm.qingming.vietnameseName == "Thanh Minh")
        #expect(SolarTerm.qingming.chineseName == "清明")
        #expect(SolarTerm.qingming.longitude == 15)
        #expect(SolarTerm.dongzhi.longitude == 270 && SolarTerm.dongzhi.isPrincipal)
        #expect(!SolarTerm.lichun.isPrincipal)
        #expect(try SolarTerm(parsing: "Thanh Minh") == .qingming)
        #expect(try SolarTerm(parsing: "QINGMING") == .qingming)
        #expect(Set(SolarTerm.allCases.map(\.key)).count == 24)
    }

    @Test("An unknown key is an error that lists the keys")
    func unknownKey() {
        #expect {
            try SolarTerm(parsing: "qinming")
        } throws: { error in
            "\(error)".hasPrefix("bad solar term \"qinming\": expected one of xiaohan, dahan, lichun")
        }
    }

    @Test("Before 1929 the Chinese calendar's dates are in Beijing mean time (UTC+7:45:40)")
    func beijingMeanTime() {
        // Major Cold 1909: 1909-01-20 16:10:55 UT, i.e. 00:10 on the 21st at UTC+8 but 23:56 at Beijing mean time.
        #expect(SolarTerm.dahan.date(in: 1909, utcOffsetSeconds: 28_800) == CivilDate(year: 1909, month: 1, day: 21))
        #expect(SolarTerm.dahan.date(in: 1909, calendar: .chinese) == CivilDate(year: 1909, month: 1, day: 20))
    }
}
