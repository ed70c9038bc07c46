/// The rules of one time zone: its offsets from UTC over time, read from the IANA time zone database.
///
/// Explicit transitions come from the TZif file (``TZifParser``); times after the last one follow the file's POSIX
/// TZ footer, evaluated per year on demand, so the rules hold for any year without precomputing tables. Rules reach
/// the engines through a ``ZoneSource``; this type reads nothing itself.
public struct ZoneRules: Hashable, Sendable, CustomStringConvertible {
    /// The rules' fields, shared by every copy: a zone is held by each obligation and by each layer of its
    /// recurrence, so a copy is one reference rather than 180 bytes.
    private final class Storage: Sendable {
        let identifier: String
        let transitionTimes: [Int64]
        let offsetsAfter: [Int32]
        let initialOffset: Int32
        let footer: PosixZoneRule?
        let constantOffset: Int32?
        let daylightSaving: DaylightSavingFlags?

        init(
            identifier: String,
            transitionTimes: [Int64],
            offsetsAfter: [Int32],
            initialOffset: Int32,
            footer: PosixZoneRule?,
            constantOffset: Int32?,
            daylightSaving: DaylightSavingFlags?
        ) {
            self.identifier = identifier
            self.transitionTimes = transitionTimes
            self.offsetsAfter = offsetsAfter
            self.initialOffset = initialOffset
            self.footer = footer
            self.constantOffset = constantOffset
            self.daylightSaving = daylightSaving
        }
    }

    /// The fields.
    private let storage: Storage

    /// The IANA name (`Asia/Ho_Chi_Minh`), or a description of a fixed offset.
    public var identifier: String { storage.identifier }
    /// UTC seconds at which the offset changes, increasing.
    var transitionTimes: [Int64] { storage.transitionTimes }
    /// The offset (seconds east of UTC) in force from each transition on.
    var offsetsAfter: [Int32] { storage.offsetsAfter }
    /// The offset in force before the first transition.
    var initialOffset: Int32 { storage.initialOffset }
    /// The rule for times after the last transition, if the file has one.
    var footer: PosixZoneRule? { storage.footer }
    /// The offset of a zone that has never changed it (UTC, fixed offsets): conversions then skip all lookups.
    var constantOffset: Int32? { storage.constantOffset }
    /// Which periods the database flags as daylight-saving time, for rules read from a TZif file; nil for rules
    /// made from an offset (``utc``, ``fixed(offsetSeconds:identifier:)``), which carry no such flags.
    public var daylightSaving: DaylightSavingFlags? { storage.daylightSaving }

    init(
        identifier: String,
        transitionTimes: [Int64],
        offsetsAfter: [Int32],
        initialOffset: Int32,
        footer: PosixZoneRule?,
        daylightSaving: DaylightSavingFlags? = nil
    ) {
        let constant = transitionTimes.isEmpty && (footer == nil || footer?.daylight == nil)
        storage = Storage(
            identifier: identifier,
            transitionTimes: transitionTimes,
            offsetsAfter: offsetsAfter,
            initialOffset: initialOffset,
            footer: footer,
            constantOffset: constant ? (footer?.standardOffset ?? initialOffset) : nil,
            daylightSaving: daylightSaving
        )
    }

    /// Rules are equal when all their fields are (the same shared fields, or equal copies of them).
    public static func == (lhs: ZoneRules, rhs: ZoneRules) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.identifier == rhs.identifier && lhs.transitionTimes == rhs.transitionTimes
            && lhs.offsetsAfter == rhs.offsetsAfter && lhs.initialOffset == rhs.initialOffset
            && lhs.footer == rhs.footer && lhs.daylightSaving == rhs.daylightSaving
    }

    /// Hashes the fields that ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
        hasher.combine(transitionTimes)
        hasher.combine(offsetsAfter)
        hasher.combine(initialOffset)
        hasher.combine(footer)
        hasher.combine(daylightSaving)
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
