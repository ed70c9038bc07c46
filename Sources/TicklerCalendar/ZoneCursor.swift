/// A zone's rules with a memory of the last offset span, for converting many nearby times in a row.
///
/// Recurrence iterators convert one wall-clock time per occurrence; consecutive occurrences nearly always fall in
/// the same span between two offset changes, where conversion is a subtraction. The cursor remembers that span and
/// asks ``ZoneRules`` only when a time falls outside it, so daylight-saving zones cost about what UTC costs.
public struct ZoneCursor: Sendable {
    /// The zone.
    public let zone: ZoneRules
    /// Wall-clock microseconds `localLow ..< localHigh` that map to exactly one instant, at `offset`.
    private var localLow: Int64 = 0
    private var localHigh: Int64 = 0
    /// UTC microseconds `utcLow ..< utcHigh` at which `offset` is in force.
    private var utcLow: Int64 = 0
    private var utcHigh: Int64 = 0
    private var offset: Int64 = 0

    /// A cursor over `zone`, with nothing remembered yet.
    public init(zone: ZoneRules) { self.zone = zone }

    /// How a wall-clock time maps onto the time line: as ``ZoneRules/resolve(_:)``.
    public mutating func resolve(_ local: LocalDateTime) -> ZoneRules.Resolution {
        resolve(localMicroseconds: local.localMicroseconds)
    }

    /// How the wall-clock time `microseconds` after 1970-01-01T00:00 maps onto the time line; the form for hot loops
    /// that count wall-clock time in microseconds, which never builds a date on the fast path.
    public mutating func resolve(localMicroseconds micros: Int64) -> ZoneRules.Resolution {
        if micros >= localLow && micros < localHigh {
            return .unique(Instant(microsecondsSinceEpoch: micros - offset))
        }
        let resolution = zone.resolve(LocalDateTime(localMicroseconds: micros))
        if case .unique(let instant) = resolution { remember(around: instant) }
        return resolution
    }

    /// The instant a wall-clock time names: as ``ZoneRules/instant(for:)``.
    public mutating func instant(for local: LocalDateTime) -> Instant {
        switch resolve(local) {
        case .unique(let instant), .skipped(let instant), .repeated(let instant, _): instant
        }
    }

    /// The offset from UTC, in seconds, in force at `instant`: as ``ZoneRules/offsetSeconds(at:)``.
    public mutating func offsetSeconds(at instant: Instant) -> Int {
        let micros = instant.microsecondsSinceEpoch
        if micros < utcLow || micros >= utcHigh { remember(around: instant) }
        return Int(offset / 1_000_000)
    }

    /// Remembers the span around `instant`, and the wall-clock times that are unambiguous within it.
    private mutating func remember(around instant: Instant) {
        let span = zone.offsetSpan(atUTCSeconds: instant.secondsSinceEpoch)
        offset = Int64(span.offset) * 1_000_000
        utcLow = span.start.map { $0 * 1_000_000 } ?? .min
        utcHigh = span.end.map { $0 * 1_000_000 } ?? .max
        // A day's margin on each side keeps out wall-clock times that another offset could also produce.
        let margin: Int64 = 86_400_000_000
        localLow = span.start.map { ($0 + Int64(span.offset)) * 1_000_000 + margin } ?? .min
        localHigh = span.end.map { ($0 + Int64(span.offset)) * 1_000_000 - margin } ?? .max
    }
}
