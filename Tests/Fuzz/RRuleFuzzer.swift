// fuzz-sources: TicklerCalendar TicklerRRule TicklerPlatform
// fuzz-packages: SystemPackage
//
// libFuzzer target for RRULE parsing and expansion: the first 8 bytes choose the start, the zone and the instant to
// list from, the rest is the rule text. Any input must give an RRuleError or a strictly increasing sequence of
// occurrences after that instant within the years 1–9999, never a trap or a hang. Run through
// Tests/Fuzz/run-fuzzers.sh (which compiles each Sources/ folder named above as its own module).

import TicklerCalendar
import TicklerPlatform
import TicklerRRule

/// The rules of the system's zone `name`, read by the zone database's one TZif parser (the engines read no files).
private func systemZone(_ name: String) -> ZoneRules? {
    try? ZoneDatabase.shared.rules(for: name)
}

/// The zones rules are read in: fixed, without daylight saving, and with it on both sides of UTC.
private let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Europe/Dublin"].compactMap(systemZone)

/// Parses and expands one input; traps (and so reports a crash) only when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var choice: UInt64 = 0
    for byte in bytes.prefix(8) { choice = choice << 8 | UInt64(byte) }
    let text = String(decoding: bytes.dropFirst(8), as: UTF8.self)
    guard let rule = try? RecurrenceRule(parsing: text) else { return 0 }
    precondition((try? RecurrenceRule(parsing: rule.description)) == rule, "the canonical text reads differently")
    let zone = zones[Int(choice % UInt64(zones.count))]
    let date = CivilDate(daysSinceEpoch: Limits.firstDate.daysSinceEpoch + Int((choice >> 8) % 3_652_059))
    let time = TimeOfDay(microsecondsSinceMidnight: Int64((choice >> 30) % 86_400) * 1_000_000)
    let start = LocalDateTime(date: date, time: time)
    let startInstant = zone.instant(for: start)
    var after: Instant =
        switch (choice >> 50) % 4 {
        case 0: startInstant.adding(microseconds: -1)
        case 1: Instant(microsecondsSinceEpoch: Int64(bitPattern: choice))
        case 2: Limits.instants.upperBound.adding(seconds: -Int64((choice >> 20) % 400_000_000))
        default: startInstant.adding(seconds: Int64((choice >> 12) % 10_000_000))
        }
    // A COUNT is counted from the start one occurrence at a time (bounded by 999,999,999, but slow): a large one
    // is listed from near its start.
    if let count = rule.count, count > 1000 { after = min(after, startInstant.adding(seconds: 86_400)) }
    var iterator = RRuleRecurrence(rule: rule, start: start, zone: zone).occurrences(after: after)
    var previous = after
    for _ in 0..<50 {
        guard let next = iterator.next() else { break }
        precondition(next > previous, "occurrences must increase strictly")
        precondition(Limits.years.contains(zone.localDateTime(at: next).date.year), "an occurrence outside 1–9999")
        previous = next
    }
    return 0
}
