// fuzz-sources: TicklerCalendar TicklerLunar
//
// libFuzzer target for lunar dates: the text goes to every lunar parser, the first 8 bytes choose a day and a lunar
// date to convert and a day to run the yearly rules from. Any input must give a LunarParseError or a value, and
// conversions must round-trip, never trap or hang. Run through Tests/Fuzz/run-fuzzers.sh.

import TicklerCalendar
import TicklerLunar

/// Reads and converts one input; traps (and so reports a crash) only when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var choice: UInt64 = 0
    for byte in bytes.prefix(8) { choice = choice << 8 | UInt64(byte) }
    let text = String(decoding: bytes.dropFirst(8), as: UTF8.self)
    let monthDay = try? LunarMonthDay(parsing: text)
    let term = try? SolarTerm(parsing: text)
    let leap = (try? LeapPolicy(parsing: text)) ?? .also
    _ = try? DateAdjustment(parsing: text)
    _ = try? LunarCalendarKind(parsing: text)
    if let days = try? WorkingDays.parse(holidays: [text], workdays: [text]) {
        precondition(days.workdays.count <= 366, "a make-up range longer than a year")
    }
    let calendar = LunisolarCalendar(kind: choice & 1 == 0 ? .vietnamese : .chinese)
    let day = CivilDate(daysSinceEpoch: Limits.firstDate.daysSinceEpoch + Int((choice >> 1) % 3_652_059))
    if let lunar = calendar.lunarDate(for: day) {
        precondition(calendar.civilDate(for: lunar) == day, "a conversion that does not round-trip")
    }
    let lunar = LunarDate(
        year: Int(Int32(truncatingIfNeeded: choice >> 20)),
        month: Int(Int8(truncatingIfNeeded: choice >> 52)),
        day: Int(Int8(truncatingIfNeeded: choice >> 44)),
        isLeapMonth: choice >> 63 == 1
    )
    if let civil = calendar.civilDate(for: lunar) {
        precondition(calendar.lunarDate(for: civil) == lunar, "a lunar date that does not round-trip")
    }
    var previous = day
    if let monthDay {
        var dates = LunarYearlyRule(monthDay: monthDay, calendar: calendar.kind, leap: leap).dates(from: day)
        for _ in 0..<5 {
            guard let next = dates.next() else { break }
            precondition(next >= previous && next.year <= 2301, "lunar dates out of order or range")
            previous = next.adding(days: 1)
        }
    }
    if let term {
        var dates = SolarTermRule(term: term, calendar: calendar.kind).dates(from: day)
        previous = day
        for _ in 0..<5 {
            guard let next = dates.next() else { break }
            precondition(next >= previous && next.year <= 2300, "solar-term dates out of order or range")
            previous = next.adding(days: 1)
        }
    }
    return 0
}
