/// Which periods of a zone the time-zone database flags as daylight-saving time (`tm_isdst`).
///
/// glibc's `mktime` decides on these flags, not on offsets, which way a wall-clock time in a gap goes; they differ
/// from "the larger offset" in zones with negative daylight saving (Europe/Dublin's winter GMT, Morocco's Ramadan
/// time). ``TZifParser`` reads them with the offsets, from the same file, into ``ZoneRules/daylightSaving``.
public struct DaylightSavingFlags: Hashable, Sendable {
    /// UTC seconds of the transitions, increasing (the zone's own transition times).
    let times: [Int64]
    /// Whether the period that starts at each transition is daylight-saving time.
    let flags: [Bool]
    /// The flag before the first transition (the file's first local time type).
    let initial: Bool
    /// The daylight-saving offset of the POSIX rule for times after the last transition, when it has one.
    let footerDaylightOffset: Int?

    /// Flags for the periods starting at `times`, `initial` before them, and the footer's daylight offset.
    init(times: [Int64], flags: [Bool], initial: Bool, footerDaylightOffset: Int?) {
        self.times = times
        self.flags = flags
        self.initial = initial
        self.footerDaylightOffset = footerDaylightOffset
    }

    /// The flag in force at `utc` seconds, when the offset there is `offset`: past the last transition the POSIX
    /// rule's period whose offset is `offset`, before it the flag of the transition's local time type.
    public func isDaylight(atUTCSeconds utc: Int64, offset: Int) -> Bool {
        if let last = times.last, utc >= last, let footerDaylightOffset { return offset == footerDaylightOffset }
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= utc { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initial : flags[low - 1]
    }
}
