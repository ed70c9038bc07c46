import Testing
import TicklerCalendar
import TicklerPlatform

/// The limits of ``Limits`` and the traps of issue 8 that they close, as regression tests.
@Suite("Limits")
struct LimitsTests {
    /// Hanoi, a zone without daylight saving.
    static let hanoi = try! ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh")
    /// New York, a zone with daylight saving all the way to year 9999 (its POSIX footer).
    static let newYork = try! ZoneDatabase.shared.rules(for: "America/New_York")

    @Test(
        "7 to 9 fractional digits are read (the trap of `once = \"2030-01-01T00:00:00.1234567\"`)",
        arguments: [
            ("2030-01-01T00:00:00.1", 100_000), ("2030-01-01T00:00:00.123456", 123_456),
            ("2030-01-01T00:00:00.1234567", 123_456), ("2030-01-01T00:00:00.12345678", 123_456),
            ("2030-01-01T00:00:00.123456789", 123_456), ("2030-01-01T00:00:00,999999999", 999_999),
        ]
    )
    func fractionalSeconds(text: String, microsecond: Int) {
        #expect(LocalDateTime(iso: text)?.time.microsecond == microsecond)
        #expect(ZonedDateTime(iso: text + "+07:00")?.local.time.microsecond == microsecond)
    }

    @Test("ten fractional digits or more are refused, not trapped")
    func tooManyFractionalDigits() {
        #expect(LocalDateTime(iso: "2030-01-01T00:00:00.1234567890") == nil)
        #expect(TimeOfDay(iso: "00:00:00.12345678901234567890") == nil)
    }

    @Test("dates outside the years 1–9999 are refused", arguments: ["0000-01-01", "0000-12-31T23:59", "10000-01-01"])
    func yearsOutsideTheLimits(text: String) {
        #expect(CivilDate(iso: text) == nil)
        #expect(LocalDateTime(iso: text) == nil)
        #expect(ZonedDateTime(iso: text + "Z") == nil)
    }

    @Test func yearsAtTheLimits() {
        #expect(CivilDate(iso: "0001-01-01") == Limits.firstDate)
        #expect(CivilDate(iso: "9999-12-31") == Limits.lastDate)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(Limits.lastDate.addingWithinLimits(days: 1) == nil)
        #expect(Limits.firstDate.addingWithinLimits(days: -1) == nil)
        #expect(Limits.lastDate.addingWithinLimits(months: 1) == nil)
        #expect(Limits.firstDate.addingWithinLimits(days: .max) == nil)
        #expect(Limits.firstDate.addingWithinLimits(days: .min) == nil)
        #expect(Limits.firstDate.addingWithinLimits(months: .min) == nil)
        #expect(CivilDate(unchecked: 9999, 1, 31).addingWithinLimits(months: 1)?.description == "9999-02-28")
    }

    @Test("instant arithmetic saturates instead of overflowing")
    func instantsSaturate() {
        let last = Instant(microsecondsSinceEpoch: .max)
        let first = Instant(microsecondsSinceEpoch: .min)
        #expect(last.adding(seconds: 1) == last)
        #expect(last.adding(microseconds: .max) == last)
        #expect(first.adding(seconds: -1) == first)
        #expect(first.adding(seconds: .min) == first)
        #expect(last.microseconds(since: first) == .max)
        #expect(first.microseconds(since: last) == .min)
        #expect(Instant(secondsSinceEpoch: .max) == last)
        // Reading the extremes at an offset, or printing them, does not trap either.
        #expect(ZonedDateTime(instant: last, offsetSeconds: 50_400).local.date.year > 290_000)
        #expect(ZonedDateTime(instant: first, offsetSeconds: -43_200).local.date.year < -290_000)
        #expect(!first.description.isEmpty)
        #expect(LocalDateTime(localMicroseconds: .min).date.year < -290_000)
    }

    @Test(
        "Period.parse reports each limit as such",
        arguments: [
            ("999999999d", Limits.longestPeriodText), ("999999999min", Limits.longestPeriodText),
            ("1000y", Limits.longestPeriodText), ("998y", Limits.longestPeriodText),
            ("11783m", Limits.longestPeriodText),
            ("365251d", Limits.longestPeriodText), ("1234567890s", "the number must be at most 999,999,999"),
            ("99999999999999999999999d", "the number must be at most 999,999,999"),
        ]
    )
    func periodLimits(text: String, reason: String) {
        #expect(throws: PeriodError(text: text, reason: reason)) {
            try Period.parse(text, allowingCalendarUnits: true)
        }
    }

    @Test(
        "periods at the limits are accepted",
        arguments: [
            ("997y", Period(997, .year)), ("11782m", Period(11_782, .month)), ("365250d", Period(365_250, .day)),
            ("999999999s", Period(999_999_999, .second)), ("0000000007d", Period(7, .day)),
        ]
    )
    func periodsAtTheLimits(text: String, period: Period) throws {
        #expect(try Period.parse(text, allowingCalendarUnits: true) == period)
        #expect(period.isWithinLimits)
    }

    @Test("a period built beyond the limits saturates its length")
    func periodBeyondTheLimits() {
        #expect(Period(.max, .week).seconds == .max)
        #expect(Period(.max, .second).microseconds == .max)
        #expect(!Period(.max, .day).isWithinLimits)
        #expect(!Period(Limits.maximumCount + 1, .second).isWithinLimits)
    }

    /// The wall-clock occurrences of `every` after `after` in `zone`, at most `limit`.
    private static func every(
        _ period: String,
        from start: String,
        after: Instant? = nil,
        limit: Int,
        zone: ZoneRules = .utc
    ) throws -> [LocalDateTime] {
        let recurrence = EveryRecurrence(
            start: LocalDateTime(iso: start)!,
            period: try Period.parse(period, allowingCalendarUnits: true),
            zone: zone
        )
        let first = after ?? zone.instant(for: recurrence.start).adding(microseconds: -1)
        return recurrence.occurrences(after: first, limit: limit).map { zone.localDateTime(at: $0) }
    }

    @Test("`every` ends with year 9999 (the traps of --every 3y -n 100000 and 999999999s from 9248)")
    func everyEndsAtYear9999() throws {
        let threeYears = try Self.every("3y", from: "2020-01-01", limit: 100_000)
        #expect(threeYears.count == 2660)
        #expect(threeYears.last?.description == "9997-01-01T00:00:00")
        let seconds = try Self.every("999999999s", from: "9248-01-27", limit: 10_000)
        #expect(seconds.count == 24)
        #expect(seconds.last.map { $0 <= Limits.lastLocal } == true)
        let months = try Self.every("6174m", from: "2020-01-01", limit: 2000, zone: Self.hanoi)
        #expect(months.count == 16)
        #expect(months.last?.description == "9737-07-01T00:00:00")
        let centuries = try Self.every("997y", from: "0001-01-01", limit: 300)
        #expect(centuries.map(\.date.year) == (0..<11).map { 1 + 997 * $0 })
    }

    @Test("`every` by the second reaches the last second of 9999 in a daylight-saving zone, and no further")
    func everySecondToTheEnd() throws {
        let after = Self.newYork.instant(for: LocalDateTime(iso: "9999-12-31T23:59:57")!)
        let last = try Self.every("1s", from: "2020-01-01", after: after, limit: 10, zone: Self.newYork)
        #expect(last.map(\.description) == ["9999-12-31T23:59:58", "9999-12-31T23:59:59"])
        let hours = try Self.every("1h", from: "2020-01-01T00:30", after: after, limit: 10, zone: Self.newYork)
        #expect(hours.isEmpty)
    }

    @Test(
        "`every` asked about any instant, or built from any period, ends cleanly",
        arguments: [
            Int64.min, -62_135_596_800_000_000, 0, 253_402_300_799_999_999, 253_402_300_800_000_000, Int64.max,
        ]
    )
    func everyAtAnyInstant(micros: Int64) {
        let after = Instant(microsecondsSinceEpoch: micros)
        for period in [Period(.max, .day), Period(.max, .second), Period(.max / 7, .week), Period(.max / 12, .year)] {
            let recurrence = EveryRecurrence(start: LocalDateTime(iso: "2020-01-01")!, period: period, zone: .utc)
            let dues = recurrence.occurrences(after: after, limit: 3)
            #expect(dues.count == (micros < 1_577_836_800_000_000 ? 1 : 0))
        }
        let daily = EveryRecurrence(start: LocalDateTime(iso: "9999-12-30")!, period: Period(1, .day), zone: .utc)
        #expect(daily.occurrences(after: after, limit: 5).count == (micros < 253_402_128_000_000_000 ? 2 : 0))
    }

    @Test("instants outside the years 1–9999 are clamped to them")
    func clamping() {
        #expect(Limits.clamped(Instant(microsecondsSinceEpoch: .max)) == Limits.instants.upperBound)
        #expect(Limits.clamped(Instant(microsecondsSinceEpoch: .min)) == Limits.instants.lowerBound)
        #expect(Limits.clamped(Instant(microsecondsSinceEpoch: 0)) == Instant(microsecondsSinceEpoch: 0))
        #expect(ZonedDateTime(instant: Limits.instants.upperBound, offsetSeconds: -86_399).local > Limits.lastLocal)
        #expect(ZonedDateTime(instant: Limits.instants.lowerBound, offsetSeconds: 86_399).local < Limits.firstLocal)
    }
}
