/// The rules of one time zone: its offsets from UTC over time, read from the IANA time zone database.
///
/// Explicit transitions come from the TZif file (``TZifParser``); times after the last one follow the file's POSIX
/// TZ footer, evaluated per year on demand, so the rules hold for any year without precomputing tables. Rules reach
/// the engines through a ``ZoneSource``; this type reads nothing itself.
public struct ZoneRules: Hashable, Sendable, CustomStringConvertible {
    /// The IANA name (`Asia/Ho_Chi_Minh`), or a description of a fixed offset.
    public let identifier: String
    /// UTC seconds at which the offset changes, increasing.
    let transitionTimes: [Int64]
    /// The offset (seconds east of UTC) in force from each transition on.
    let offsetsAfter: [Int32]
    /// The offset in force before the first transition.
    let initialOffset: Int32
    /// The rule for times after the last transition, if the file has one.
    let footer: PosixZoneRule?
    /// The offset of a zone that has never changed it (UTC, fixed offsets): conversions then skip all lookups.
    let constantOffset: Int32?
    /// Which periods the database flags as daylight-saving time, for rules read from a TZif file; nil for rules
    /// made from an offset (``utc``, ``fixed(offsetSeconds:identifier:)``), which carry no such flags.
    public let daylightSaving: DaylightSavingFlags?

    init(
        identifier: String,
        transitionTimes: [Int64],
        offsetsAfter: [Int32],
        initialOffset: Int32,
        footer: PosixZoneRule?,
        daylightSaving: DaylightSavingFlags? = nil
    ) {
        self.identifier = identifier
        self.transitionTimes = transitionTimes
        self.offsetsAfter = offsetsAfter
        self.initialOffset = initialOffset
        self.footer = footer
        self.daylightSaving = daylightSaving
        let constant = transitionTimes.isEmpty && (footer == nil || footer?.daylight == nil)
        self.constantOffset = constant ? (footer?.standardOffset ?? initialOffset) : nil
    }

    /// Coordinated Universal Time.
    public static let utc = ZoneRules.fixed(offsetSeconds: 0, identifier: "UTC")

    /// A zone that is always `offsetSeconds` east of UTC.
    public static func fixed(offsetSeconds: Int, identifier: String? = nil) -> ZoneRules {
        let name =
            identifier
            ?? ZonedDateTime(local: LocalDateTime(localMicroseconds: 0), offsetSeconds: offsetSeconds)
            .description.dropFirst(19).description
        return ZoneRules(
            identifier: name,
            transitionTimes: [],
            offsetsAfter: [],
            initialOffset: Int32(offsetSeconds),
            footer: nil
        )
    }

    public var description: String { identifier }

    /// The offset from UTC, in seconds, in force at `instant`.
    public func offsetSeconds(at instant: Instant) -> Int {
        Int(offset(atUTCSeconds: instant.secondsSinceEpoch))
    }

    /// The wall-clock reading of `instant` in this zone, with its offset.
    public func zoned(_ instant: Instant) -> ZonedDateTime {
        ZonedDateTime(instant: instant, offsetSeconds: offsetSeconds(at: instant))
    }

    /// The wall-clock reading of `instant` in this zone.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        zoned(instant).local
    }

    /// The instant a wall-clock time names in this zone.
    ///
    /// A time skipped by a forward shift (02:30 on a spring-forward night) is read with the offset from before the
    /// gap, so it lands after it (03:30), as RFC 5545 §3.3.5 says; a time that occurs twice is the first of the two.
    public func instant(for local: LocalDateTime) -> Instant {
        switch resolve(local) {
        case .unique(let instant), .skipped(let instant), .repeated(let instant, _): instant
        }
    }

    /// How a wall-clock time maps onto the time line in this zone.
    public enum Resolution: Hashable, Sendable {
        /// The time occurs once.
        case unique(Instant)
        /// The time falls in a gap; the instant is the one read with the offset from before the gap.
        case skipped(Instant)
        /// The time occurs twice; the earlier and the later instant.
        case repeated(Instant, Instant)
    }

    /// Maps a wall-clock time onto the time line, telling gaps and repeats apart.
    public func resolve(_ local: LocalDateTime) -> Resolution {
        let localMicros = local.localMicroseconds
        if let constantOffset {
            return .unique(Instant(microsecondsSinceEpoch: localMicros - Int64(constantOffset) * 1_000_000))
        }
        let localSeconds = local.localSeconds
        // Any instant that could read as `local` lies within ±26 h of it read as UTC; look at the offsets either side.
        let before = Int64(offset(atUTCSeconds: localSeconds - 30 * 3600))
        let after = Int64(offset(atUTCSeconds: localSeconds + 30 * 3600))
        let early = Instant(microsecondsSinceEpoch: localMicros - before * 1_000_000)
        if before == after {
            let actual = Int64(offset(atUTCSeconds: early.secondsSinceEpoch))
            return .unique(Instant(microsecondsSinceEpoch: localMicros - actual * 1_000_000))
        }
        let late = Instant(microsecondsSinceEpoch: localMicros - after * 1_000_000)
        let earlyValid = Int64(offset(atUTCSeconds: early.secondsSinceEpoch)) == before
        let lateValid = Int64(offset(atUTCSeconds: late.secondsSinceEpoch)) == after
        switch (earlyValid, lateValid) {
        case (true, true): return .repeated(min(early, late), max(early, late))
        case (true, false): return .unique(early)
        case (false, true): return .unique(late)
        case (false, false): return .skipped(early)
        }
    }

    /// The offset in force at a UTC time in whole seconds.
    func offset(atUTCSeconds seconds: Int64) -> Int32 {
        if let constantOffset { return constantOffset }
        if let last = transitionTimes.last, seconds >= last, let footer {
            return footer.offset(atUTCSeconds: seconds)
        }
        // The last transition at or before `seconds`.
        var low = 0
        var high = transitionTimes.count
        while low < high {
            let middle = (low + high) / 2
            if transitionTimes[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        if low == 0 {
            return transitionTimes.isEmpty ? (footer?.offset(atUTCSeconds: seconds) ?? initialOffset) : initialOffset
        }
        return offsetsAfter[low - 1]
    }
}
