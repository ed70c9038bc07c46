// fuzz-sources: TicklerCalendar TicklerOnCalendar TicklerPlatform
// fuzz-packages: SystemPackage
//
// libFuzzer target for systemd calendar events: the first 8 bytes choose the zone and the instant to list from,
// the rest is the event text. Any input must give a CalendarEventError or a strictly increasing sequence of
// elapses after that instant, ending by 2199, never a trap or a hang. Run through Tests/Fuzz/run-fuzzers.sh.

import TicklerCalendar
import TicklerOnCalendar
import TicklerPlatform

/// The rules of the system's zone `name`, read by the zone database's one TZif parser (the engines read no files).
private func systemZone(_ name: String) -> ZoneRules? {
    try? ZoneDatabase.shared.rules(for: name)
}

/// The zones events are read in, among them one with a half-hour daylight-saving shift.
private let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Europe/Dublin", "Australia/Lord_Howe"]
    .compactMap(systemZone)

/// The zones an event may name at its end.
private let zoneSource = InMemoryZoneSource(zones)

/// Parses and expands one input; traps (and so reports a crash) only when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var choice: UInt64 = 0
    for byte in bytes.prefix(8) { choice = choice << 8 | UInt64(byte) }
    let text = String(decoding: bytes.dropFirst(8), as: UTF8.self)
    guard let event = try? CalendarEvent(parsing: text, zones: zoneSource) else { return 0 }
    precondition(
        (try? CalendarEvent(parsing: event.description, zones: zoneSource))?.description == event.description,
        "the normalized form reads differently"
    )
    let zone = zones[Int(choice % UInt64(zones.count))]
    let after: Instant =
        switch (choice >> 60) % 4 {
        case 0: Instant(microsecondsSinceEpoch: Int64(bitPattern: choice))
        case 1: Instant(secondsSinceEpoch: 7_258_118_400 - Int64((choice >> 8) % 100_000_000))
        default: Instant(secondsSinceEpoch: Int64((choice >> 8) % 7_300_000_000))
        }
    var iterator = CalendarEventRecurrence(event: event, zone: zone).occurrences(after: after)
    var previous = after
    for _ in 0..<30 {
        guard let next = iterator.next() else { break }
        precondition(next > previous, "elapses must increase strictly")
        precondition(zone.localDateTime(at: next).date.year <= 2200, "an elapse after 2199")
        previous = next
    }
    return 0
}
