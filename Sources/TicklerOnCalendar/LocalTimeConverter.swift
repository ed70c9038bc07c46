import TicklerCalendar

/// Converts local wall-clock readings (``BrokenDownTime``) into instants and back in one zone, with the conventions of glibc's
/// `mktime(3)` and `localtime(3)` that systemd's calendar arithmetic relies on.
///
/// - A time in a gap (02:30 on a spring-forward night) is moved by the gap's length towards the side flagged as
///   daylight-saving time — forward in most zones, backward where the database flags winter time as daylight
///   saving (Europe/Dublin) — or away from the side of the reading's hint when it has one.
/// - A time that occurs twice is read on the side of the hint when it has one, else with the offset of the
///   previous conversion — glibc keeps that offset as its first guess, so a search that walks forward from a base
///   time stays on the side of the base.
/// - A hint whose daylight-saving flag does not fit a time that occurs once reads the time with the hint's offset.
struct LocalTimeConverter {
    /// The zone, or nil for UTC without any lookup (`timegm`).
    let rules: ZoneRules?
    /// The zone's daylight-saving flags, when its rules came from a TZif file.
    private let flags: DaylightSavingFlags?
    /// The offset the last conversion ended with, glibc's guess for the next one.
    private(set) var lastOffset: Int
    /// The last wall-clock time resolved and how: a search normalizes the same reading many times.
    private var cachedLocal = Int64.min
    private var cachedResolution = ZoneRules.Resolution.unique(Instant(microsecondsSinceEpoch: 0))

    init(rules: ZoneRules?) {
        self.rules = rules
        self.flags = rules?.daylightSaving
        self.lastOffset = 0
    }

    /// The reading of a UTC time in whole seconds (`localtime_r`), hinted with its offset.
    mutating func reading(atUTCSeconds seconds: Int64) -> BrokenDownTime {
        guard let rules else { return BrokenDownTime(localSeconds: seconds, offset: 0) }
        let offset = rules.offsetSeconds(at: Instant(secondsSinceEpoch: seconds))
        lastOffset = offset
        return BrokenDownTime(localSeconds: seconds + Int64(offset), offset: offset)
    }

    /// Whether the period in force at `utc` (where the offset is `offset`) is daylight-saving time; without the
    /// zone's flags, the larger of two offsets `other` apart counts as daylight saving.
    private func isDaylight(_ utc: Int64, _ offset: Int64, comparedTo other: Int64) -> Bool {
        flags?.isDaylight(atUTCSeconds: utc, offset: Int(offset)) ?? (offset > other)
    }

    /// Normalizes `time` in place and returns the UTC seconds it names (`mktime`).
    mutating func normalize(_ time: inout BrokenDownTime) -> Int64 {
        let local = time.localSeconds
        guard let rules else {
            time = BrokenDownTime(localSeconds: local, offset: 0)
            return local
        }
        if local != cachedLocal {
            cachedResolution = rules.resolve(LocalDateTime(localMicroseconds: local * 1_000_000))
            cachedLocal = local
        }
        let hint = time.offsetHint.map { Int64($0) }
        let hintIsDaylight = hint.map { isDaylight(time.hintSeconds, $0, comparedTo: $0) }
        let utc: Int64
        var known: Int?
        switch cachedResolution {
        case .unique(let instant):
            let actual = local - instant.secondsSinceEpoch
            if let hint, hint != actual, let hintIsDaylight,
                hintIsDaylight != isDaylight(instant.secondsSinceEpoch, actual, comparedTo: hint)
            {
                // glibc honours a daylight-saving flag that does not fit: the time is read with the other offset.
                utc = local - hint
            } else {
                utc = instant.secondsSinceEpoch
                known = Int(actual)
            }
        case .skipped(let instant):
            let forward = instant.secondsSinceEpoch
            let before = local - forward
            let after = Int64(rules.offsetSeconds(at: instant))
            let backward = local - after
            let forwardIsDaylight = isDaylight(forward, after, comparedTo: before)
            let backwardIsDaylight = isDaylight(backward, before, comparedTo: after)
            if forwardIsDaylight != backwardIsDaylight {
                let wanted = hintIsDaylight.map { !$0 } ?? true
                utc = forwardIsDaylight == wanted ? forward : backward
            } else {
                utc = forward
            }
        case .repeated(let early, let late):
            let earlyOffset = local - early.secondsSinceEpoch
            let lateOffset = local - late.secondsSinceEpoch
            let earlyIsDaylight = isDaylight(early.secondsSinceEpoch, earlyOffset, comparedTo: lateOffset)
            let lateIsDaylight = isDaylight(late.secondsSinceEpoch, lateOffset, comparedTo: earlyOffset)
            let pickLate: Bool
            if let hintIsDaylight, earlyIsDaylight != lateIsDaylight {
                pickLate = lateIsDaylight == hintIsDaylight
            } else {
                let preferred = hint ?? Int64(lastOffset)
                if preferred == earlyOffset {
                    pickLate = false
                } else if preferred == lateOffset {
                    pickLate = true
                } else {
                    let probe = Instant(secondsSinceEpoch: local - preferred)
                    pickLate = Int64(rules.offsetSeconds(at: probe)) == lateOffset
                }
            }
            utc = (pickLate ? late : early).secondsSinceEpoch
            known = Int(pickLate ? lateOffset : earlyOffset)
        }
        lastOffset = Int(local - utc)
        let offset = known ?? rules.offsetSeconds(at: Instant(secondsSinceEpoch: utc))
        time = BrokenDownTime(localSeconds: utc + Int64(offset), offset: offset)
        return utc
    }
}
