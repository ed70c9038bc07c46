// fuzz-sources: TicklerCalendar TicklerPlatform
// fuzz-packages: SystemPackage
//
// libFuzzer target for durations and `every`: the first 8 bytes choose the start, the zone, the bound and the
// instant to list from, the rest is the duration text. Any input must give a PeriodError or a period within
// Limits, whose `every` occurrences increase strictly after that instant and end by year 9999, never a trap or a
// hang. Run through Tests/Fuzz/run-fuzzers.sh.

import TicklerCalendar
import TicklerPlatform

/// The rules of the system's zone `name`, read by the zone database's one TZif parser (the engines read no files).
private func systemZone(_ name: String) -> ZoneRules? {
    try? ZoneDatabase.shared.rules(for: name)
}

/// The zones periods are stepped in.
private let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Australia/Lord_Howe"].compactMap(systemZone)

/// Parses one input and steps its period; traps (and so reports a crash) only when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var choice: UInt64 = 0
    for byte in bytes.prefix(8) { choice = choice << 8 | UInt64(byte) }
    let text = String(decoding: bytes.dropFirst(8), as: UTF8.self)
    _ = try? Period.parse(text)
    guard let period = try? Period.parse(text, allowingCalendarUnits: true) else { return 0 }
    precondition(period.isWithinLimits, "a parsed period outside the limits")
    _ = period.humanDescription
    guard !period.isZero else { return 0 }
    let zone = zones[Int(choice % UInt64(zones.count))]
    let date = CivilDate(daysSinceEpoch: Limits.firstDate.daysSinceEpoch + Int((choice >> 8) % 3_652_059))
    let start = LocalDateTime(
        date: date,
        time: TimeOfDay(microsecondsSinceMidnight: Int64((choice >> 30) % 86_400_000_000))
    )
    let until = choice >> 62 == 0 ? start.adding(seconds: Int64((choice >> 16) % 100_000_000_000)) : nil
    let startInstant = zone.instant(for: start)
    let after: Instant =
        switch (choice >> 58) % 4 {
        case 0: startInstant.adding(microseconds: -1)
        case 1: Instant(microsecondsSinceEpoch: Int64(bitPattern: choice))
        case 2: Limits.instants.upperBound.adding(seconds: -Int64((choice >> 20) % 400_000_000_000))
        default: startInstant.adding(seconds: Int64((choice >> 12) % 10_000_000_000))
        }
    var iterator = EveryRecurrence(start: start, period: period, until: until, zone: zone).occurrences(after: after)
    var previous = after
    for _ in 0..<30 {
        guard let next = iterator.next() else { break }
        precondition(next > previous, "occurrences must increase strictly")
        let local = zone.localDateTime(at: next)
        precondition(local <= Limits.lastLocal, "an occurrence after year 9999")
        precondition(until.map { local <= $0 } ?? true, "an occurrence after until")
        previous = next
    }
    return 0
}
