/// A wall-clock date and time together with its offset from UTC: one instant, as people write it.
public struct ZonedDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The wall-clock reading.
    public let local: LocalDateTime
    /// Seconds east of UTC (`+07:00` is 25 200).
    public let offsetSeconds: Int

    /// Pairs a wall-clock reading with its offset.
    public init(local: LocalDateTime, offsetSeconds: Int) {
        self.local = local
        self.offsetSeconds = offsetSeconds
    }

    /// The wall-clock reading of `instant` at a fixed offset (saturated at the bounds of the microsecond count).
    public init(instant: Instant, offsetSeconds: Int) {
        self.init(
            local: LocalDateTime(
                localMicroseconds: instant.adding(seconds: Int64(offsetSeconds)).microsecondsSinceEpoch
            ),
            offsetSeconds: offsetSeconds
        )
    }

    /// The instant this names (saturated at the bounds of the microsecond count).
    public var instant: Instant {
        Instant(microsecondsSinceEpoch: local.localMicroseconds).adding(seconds: -Int64(offsetSeconds))
    }

    /// ISO 8601 with the offset: `2027-01-27T08:00:00+07:00` (`Z` is never used, so that lines align).
    public var description: String {
        text(short: false)
    }

    /// The short human form used in messages: `2027-01-27 08:00 +07` (minutes of the offset only when not zero).
    public var humanDescription: String {
        text(short: true)
    }

    /// The bytes ``humanDescription`` takes, without making it: it is ASCII, so this is also its width on a
    /// terminal (`ticklerctl list` measures its table with it).
    public var humanDescriptionLength: Int {
        length(short: true)
    }

    /// The bytes ``text(short:)`` writes.
    private func length(short: Bool) -> Int {
        DateTextWriter.length(of: local, short: short) + (short ? 1 : 0)
            + DateTextWriter.length(ofOffset: offsetSeconds, short: short)
    }

    /// The local date and time, then the offset: a space between them when `short`.
    private func text(short: Bool) -> String {
        DateTextWriter.string(capacity: length(short: short)) {
            $0.dateTime(local, short: short)
            if short { $0.byte(0x20) }
            $0.offset(seconds: offsetSeconds, short: short)
        }
    }

    /// Parses ISO 8601 with an offset (`Z`, `+07:00`, `+0700`, `+07`); nil when the text has no offset or is malformed.
    public init?(iso text: some StringProtocol) {
        var scanner = DigitScanner(text)
        guard let local = LocalDateTime.scan(&scanner) else { return nil }
        if scanner.skip("Z") || scanner.skip("z") {
            guard scanner.isAtEnd else { return nil }
            self.init(local: local, offsetSeconds: 0)
            return
        }
        let sign: Int
        if scanner.skip("+") {
            sign = 1
        } else if scanner.skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = scanner.number(digits: 2), hours <= 23 else { return nil }
        var minutes = 0
        if !scanner.isAtEnd {
            _ = scanner.skip(":")
            guard let value = scanner.number(digits: 2), value < 60 else { return nil }
            minutes = value
        }
        guard scanner.isAtEnd else { return nil }
        self.init(local: local, offsetSeconds: sign * (hours * 3600 + minutes * 60))
    }
}
