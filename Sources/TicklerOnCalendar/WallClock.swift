import TicklerCalendar

/// Turns wall-clock readings into instants and back in one zone, with the conventions of glibc's
/// `mktime(3)` and `localtime(3)` that systemd's calendar arithmetic relies on.
///
/// - A time skipped by a forward shift (02:30 on a spring-forward night) is read with the offset from before the
///   gap, so it normalizes to a later reading (03:30).
/// - A time that occurs twice is read with the offset of the reading's hint when it has one, else with the offset
///   of the previous conversion — glibc keeps that offset as its first guess, so a search that walks forward from
///   a base time stays on the side of the base.
struct WallClock {
    /// The zone, or nil for UTC without any lookup (`timegm`).
    let rules: ZoneRules?
    /// The offset the last conversion ended with, glibc's guess for the next one.
    private(set) var lastOffset: Int
    /// The last wall-clock time resolved and how: a search normalizes the same reading many times.
    private var cachedLocal = Int64.min
    private var cachedResolution = ZoneRules.Resolution.unique(Instant(microsecondsSinceEpoch: 0))

    init(rules: ZoneRules?) {
        self.rules = rules
        self.lastOffset = 0
    }

    /// The reading of a UTC time in whole seconds (`localtime_r`), hinted with its offset.
    mutating func reading(atUTCSeconds seconds: Int64) -> BrokenDownTime {
        guard let rules else { return BrokenDownTime(localSeconds: seconds, offset: 0) }
        let offset = rules.offsetSeconds(at: Instant(secondsSinceEpoch: seconds))
        lastOffset = offset
        return BrokenDownTime(localSeconds: seconds + Int64(offset), offset: offset)
    }

    /// Normalizes `time` in place and returns the UTC seconds it names (`mktime`).
    mutating func normalize(_ time: inout BrokenDownTime) -> Int64 {
        let local = time.localSeconds
        guard let rules else {
            time = BrokenDownTime(localSeconds: local, offset: 0)
            return local
        }
        let utc: Int64
        let offset: Int
        if local != cachedLocal {
            cachedResolution = rules.resolve(LocalDateTime(localMicroseconds: local * 1_000_000))
            cachedLocal = local
        }
        switch cachedResolution {
        case .unique(let instant):
            utc = instant.secondsSinceEpoch
            offset = Int(local - utc)
            lastOffset = offset
        case .skipped(let instant):
            utc = instant.secondsSinceEpoch
            lastOffset = Int(local - utc)
            offset = rules.offsetSeconds(at: instant)
        case .repeated(let early, let late):
            let earlyOffset = Int(local - early.secondsSinceEpoch)
            let lateOffset = Int(local - late.secondsSinceEpoch)
            let preferred = time.offsetHint ?? lastOffset
            let pickLate: Bool
            if preferred == earlyOffset {
                pickLate = false
            } else if preferred == lateOffset {
                pickLate = true
            } else {
                pickLate = rules.offsetSeconds(at: Instant(secondsSinceEpoch: local - Int64(preferred))) == lateOffset
            }
            utc = (pickLate ? late : early).secondsSinceEpoch
            offset = pickLate ? lateOffset : earlyOffset
            lastOffset = offset
        }
        time = BrokenDownTime(localSeconds: utc + Int64(offset), offset: offset)
        return utc
    }
}
