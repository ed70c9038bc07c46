import TicklerCalendar

/// Reads the systemd.time(7) calendar-event syntax into a ``CalendarEvent``, with errors that name the bad part.
struct CalendarEventParser {
    private let text: String
    private let zones: (String) -> ZoneRules?
    private var bytes: [UInt8] = []
    private var position = 0
    private var event = CalendarEvent()

    /// The longest list systemd accepts in one field.
    static let maximumComponents = 240

    init(text: String, zones: @escaping (String) -> ZoneRules?) {
        self.text = text
        self.zones = zones
    }

    /// Parses the whole text.
    mutating func parse() throws(CalendarEventError) -> CalendarEvent {
        var body = Substring(text).drop { $0 == " " || $0 == "\t" }
        while body.last == " " || body.last == "\t" { body = body.dropLast() }
        guard !body.isEmpty else { throw failure("", "empty calendar event") }
        body = takeZone(from: body)
        guard !body.isEmpty else { throw failure(text, "a time zone alone is not a calendar event") }
        bytes = Array(body.utf8)
        do {
            try parseBody(body)
        } catch {
            // A last word that looks like a zone name but is none is the likelier mistake.
            if case .local = event.zone, let space = body.lastIndex(of: " "),
                case let word = String(body[body.index(after: space)...]), word.contains("/") || word.count >= 3,
                word.allSatisfy({ $0.isLetter || "/_+-".contains($0) }), !Self.isWeekdayList(word),
                Self.shorthand(word.lowercased()) == nil
            {
                throw failure(word, "unknown time zone (expected an IANA name such as Asia/Ho_Chi_Minh, or UTC)")
            }
            throw error
        }
        normalize()
        try validate()
        return event
    }

    /// Parses the specification without its zone.
    private mutating func parseBody(_ body: Substring) throws(CalendarEventError) {
        if let shorthand = Self.shorthand(body.lowercased()) {
            shorthand(&event)
        } else {
            try parseWeekdays()
            if try !parseDate() { try parseTime() }
            guard position == bytes.count else { throw failure(rest, "unexpected text") }
        }
    }

    /// Whether `word` is made of weekday names only (`Mon,Wed..Fri`).
    private static func isWeekdayList(_ word: String) -> Bool {
        word.split(whereSeparator: { $0 == "," || $0 == "." || $0 == "-" }).allSatisfy { name in
            weekdayNames.contains { $0.name == name.lowercased() }
        }
    }

    // MARK: - Time zone

    /// Strips a trailing ` UTC` or IANA zone name, recording it in the event.
    private mutating func takeZone(from body: Substring) -> Substring {
        guard let space = body.lastIndex(of: " ") else { return body }
        let word = body[body.index(after: space)...]
        let before = body[..<space].reversed().drop { $0 == " " }.reversed()
        let head = Substring(String(before))
        if word.lowercased() == "utc" {
            event.zone = .utc
            return head
        }
        guard word.contains(where: { $0.isLetter }), let rules = zones(String(word)) else { return body }
        event.zone = rules.identifier == "UTC" ? .utc : .named(rules)
        return head
    }

    // MARK: - Shorthands

    private static func shorthand(_ word: String) -> ((inout CalendarEvent) -> Void)? {
        let midnight: (inout CalendarEvent) -> Void = { event in
            event.hour = [CalendarComponent(start: 0)]
            event.minute = [CalendarComponent(start: 0)]
        }
        switch word {
        case "minutely": return { _ in }
        case "hourly": return { $0.minute = [CalendarComponent(start: 0)] }
        case "daily": return midnight
        case "weekly":
            return { event in
                midnight(&event)
                event.weekdays = 1
            }
        case "monthly":
            return { event in
                midnight(&event)
                event.day = [CalendarComponent(start: 1)]
            }
        case "yearly", "annually", "anually":
            return { event in Self.firstOfMonths([1], &event) }
        case "quarterly": return { event in Self.firstOfMonths([1, 4, 7, 10], &event) }
        case "semiannually", "semi-annually", "biannually", "bi-annually":
            return { event in Self.firstOfMonths([1, 7], &event) }
        default: return nil
        }
    }

    private static func firstOfMonths(_ months: [Int], _ event: inout CalendarEvent) {
        event.month = months.map { CalendarComponent(start: $0) }
        event.day = [CalendarComponent(start: 1)]
        event.hour = [CalendarComponent(start: 0)]
        event.minute = [CalendarComponent(start: 0)]
    }

    // MARK: - Weekdays

    private static let weekdayNames: [(name: String, index: Int)] = [
        ("monday", 0), ("mon", 0), ("tuesday", 1), ("tue", 1), ("wednesday", 2), ("wed", 2),
        ("thursday", 3), ("thu", 3), ("friday", 4), ("fri", 4), ("saturday", 5), ("sat", 5),
        ("sunday", 6), ("sun", 6),
    ]

    /// Reads `Mon`, `Mon,Wed`, `Mon..Fri` (or the old `Mon-Fri`) and the spaces after it, when present.
    private mutating func parseWeekdays() throws(CalendarEventError) {
        var rangeStart = -1
        var rangeStartPosition = 0
        var first = true
        var bits: UInt8 = 0
        while true {
            let wordStart = position
            guard let match = matchWeekday() else {
                if first { return }
                throw failure(word(from: wordStart), "unknown weekday (expected Mon, Tue, … or Sun)")
            }
            if let next = peek,
                ![UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " ")]
                    .contains(next)
            {
                throw failure(word(from: wordStart), "unknown weekday (expected Mon, Tue, … or Sun)")
            }
            bits |= 1 << match
            if rangeStart >= 0 {
                guard rangeStart <= match else {
                    throw failure(word(from: rangeStartPosition), "a weekday range must go forward, such as Mon..Fri")
                }
                for index in rangeStart...match { bits |= 1 << index }
            }
            event.weekdays = bits
            guard let next = peek else { return }
            if next == UInt8(ascii: " ") {
                skipSpaces()
                return
            }
            if next == UInt8(ascii: ".") {
                guard rangeStart < 0, position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ".") else {
                    throw failure(word(from: wordStart), "expected \"..\" between two weekdays")
                }
                rangeStart = match
                rangeStartPosition = wordStart
                position += 2
            } else if next == UInt8(ascii: "-") {
                guard rangeStart < 0 else { throw failure(word(from: wordStart), "a weekday range has two ends") }
                rangeStart = match
                rangeStartPosition = wordStart
                position += 1
            } else {
                rangeStart = -1
                position += 1
            }
            if peek == nil || peek == UInt8(ascii: " ") {
                skipSpaces()
                guard rangeStart < 0 else { throw failure(word(from: wordStart), "weekday range has no end") }
                return
            }
            first = false
        }
    }

    /// The weekday index whose name starts at the cursor (case-insensitive), consuming it.
    private mutating func matchWeekday() -> Int? {
        for (name, index) in Self.weekdayNames {
            let utf8 = Array(name.utf8)
            guard position + utf8.count <= bytes.count else { continue }
            var same = true
            for offset in 0..<utf8.count where bytes[position + offset] | 0x20 != utf8[offset] {
                same = false
                break
            }
            if same {
                position += utf8.count
                return index
            }
        }
        return nil
    }

    // MARK: - Date

    /// Reads `@SECONDS`, `Y-M-D` or `M-D` (with `~` for the end of the month); false when the text is a time.
    private mutating func parseDate() throws(CalendarEventError) -> Bool {
        guard let first = peek else { return false }
        if first == UInt8(ascii: "@") { return try parseEpoch() }
        let saved = position
        let firstChain = try parseChain(field: "date", seconds: false)
        if peek == nil || peek == UInt8(ascii: ":") {
            position = saved
            return false
        }
        guard let separator = peek, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "~") else {
            throw failure(rest, "expected \"-\" or \"~\" in the date")
        }
        if separator == UInt8(ascii: "~") { event.endOfMonth = true }
        position += 1
        let secondChain = try parseChain(field: "date", seconds: false)
        if peek == nil || peek == UInt8(ascii: " ") {
            skipSpaces()
            event.month = firstChain
            event.day = secondChain
            return false
        }
        guard !event.endOfMonth else { throw failure(rest, "\"~\" must separate the month and the day") }
        guard let second = peek, second == UInt8(ascii: "-") || second == UInt8(ascii: "~") else {
            throw failure(rest, "expected \"-\" or \"~\" in the date")
        }
        if second == UInt8(ascii: "~") { event.endOfMonth = true }
        position += 1
        let thirdChain = try parseChain(field: "day", seconds: false)
        guard peek == nil || peek == UInt8(ascii: " ") else { throw failure(rest, "unexpected text after the date") }
        skipSpaces()
        event.year = firstChain
        event.month = secondChain
        event.day = thirdChain
        return false
    }

    /// Reads `@SECONDS`: that instant, in UTC, once; no time may follow.
    private mutating func parseEpoch() throws(CalendarEventError) -> Bool {
        position += 1
        let start = position
        var value = 0
        while let byte = peek, byte >= 0x30, byte <= 0x39 {
            value = value &* 10 &+ Int(byte - 0x30)
            position += 1
            guard value < 1 << 40 else { throw failure(word(from: start), "timestamp is too large") }
        }
        guard position > start else { throw failure(word(from: start - 1), "expected seconds after \"@\"") }
        let local = LocalDateTime(localMicroseconds: Int64(value) * 1_000_000)
        event.year = [CalendarComponent(start: local.date.year)]
        event.month = [CalendarComponent(start: local.date.month)]
        event.day = [CalendarComponent(start: local.date.day)]
        event.hour = [CalendarComponent(start: local.time.hour)]
        event.minute = [CalendarComponent(start: local.time.minute)]
        event.second = [CalendarComponent(start: local.time.second * 1_000_000)]
        event.zone = .utc
        return true
    }

    // MARK: - Time

    /// Reads `H:M` or `H:M:S`; nothing at all means 00:00:00.
    private mutating func parseTime() throws(CalendarEventError) {
        guard peek != nil else {
            event.hour = [CalendarComponent(start: 0)]
            event.minute = [CalendarComponent(start: 0)]
            return
        }
        let timeStart = position
        let hour = try parseChain(field: "hour", seconds: false)
        guard peek == UInt8(ascii: ":") else {
            throw failure(word(from: timeStart), "expected a time such as 09:00 (hour:minute[:second])")
        }
        position += 1
        let minute = try parseChain(field: "minute", seconds: false)
        event.hour = hour
        event.minute = minute
        guard peek != nil else { return }
        guard peek == UInt8(ascii: ":") else { throw failure(rest, "unexpected text after the minutes") }
        position += 1
        event.second = try parseChain(field: "second", seconds: true)
        guard peek == nil else { throw failure(rest, "unexpected text after the seconds") }
    }

    // MARK: - Components

    /// Reads `*` or a comma-separated list of values, ranges and repetitions.
    private mutating func parseChain(field: String, seconds: Bool) throws(CalendarEventError) -> [CalendarComponent]? {
        if peek == UInt8(ascii: "*") {
            position += 1
            if peek == UInt8(ascii: "/") {
                throw failure(
                    word(from: position - 1),
                    "a repetition starts from a value, not \"*\" (write 0/5 or 1/2)"
                )
            }
            return seconds ? [CalendarComponent(start: 0, repeat: 1_000_000)] : nil
        }
        var chain: [CalendarComponent] = []
        while true {
            guard chain.count < Self.maximumComponents else {
                throw failure(field, "more than \(Self.maximumComponents) values in one field")
            }
            let start = position
            let value = try parseNumber(field: field, seconds: seconds)
            var stop = -1
            var step = 0
            if peek == UInt8(ascii: "."), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ".") {
                position += 2
                stop = try parseNumber(field: field, seconds: seconds)
                step = seconds ? 1_000_000 : 1
            }
            if peek == UInt8(ascii: "/") {
                position += 1
                step = try parseNumber(field: field, seconds: seconds)
                guard step > 0 else { throw failure(word(from: start), "the repetition must not be zero") }
            } else if seconds && stop >= 0 && value + step > stop {
                throw failure(word(from: start), "a range of seconds must span at least one second")
            }
            if let next = peek, !",-~: ".utf8.contains(next) {
                throw failure(word(from: start), "unexpected \"\(Character(Unicode.Scalar(next)))\" in the \(field)")
            }
            chain.append(CalendarComponent(start: value, stop: stop, repeat: step))
            guard peek == UInt8(ascii: ",") else { return chain }
            position += 1
        }
    }

    /// Reads a decimal number; for seconds, with up to six fractional digits, returned in microseconds.
    private mutating func parseNumber(field: String, seconds: Bool) throws(CalendarEventError) -> Int {
        let start = position
        guard let first = peek, first >= 0x30, first <= 0x39 else {
            let found = rest.isEmpty ? "" : word(from: start)
            if found.isEmpty { throw failure("", "the \(field) is missing") }
            if start == 0, field == "date", let byte = peek, byte | 0x20 >= 0x61, byte | 0x20 <= 0x7A {
                throw failure(found, "expected a weekday (Mon…Sun), a shorthand such as daily, or a date")
            }
            throw failure(found, "expected a number or \"*\" in the \(field)")
        }
        var value = 0
        while let byte = peek, byte >= 0x30, byte <= 0x39 {
            value = value * 10 + Int(byte - 0x30)
            position += 1
            guard value <= Int(Int32.max) else { throw failure(word(from: start), "number is too large") }
        }
        guard seconds else { return value }
        value *= 1_000_000
        if peek == UInt8(ascii: "."), !(position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: ".")) {
            position += 1
            var scale = 100_000
            var digits = 0
            while let byte = peek, byte >= 0x30, byte <= 0x39 {
                if scale > 0 { value += Int(byte - 0x30) * scale }
                scale /= 10
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw failure(word(from: start), "expected digits after the decimal point") }
        }
        guard value <= Int(Int32.max) else { throw failure(word(from: start), "number is too large") }
        return value
    }

    // MARK: - Normalization and validation

    /// Two-digit years, trimmed ranges, sorted lists without duplicates, as systemd normalizes them.
    private mutating func normalize() {
        if event.weekdays == 0 { event.weekdays = CalendarEvent.allWeekdays }
        if event.endOfMonth && event.day == nil { event.endOfMonth = false }
        event.year = event.year.map { chain in
            chain.map { component in
                CalendarComponent(
                    start: Self.fullYear(component.start),
                    stop: Self.fullYear(component.stop),
                    repeat: component.repeat
                )
            }
        }
        event.year = Self.normalized(event.year)
        event.month = Self.normalized(event.month)
        event.day = Self.normalized(event.day)
        event.hour = Self.normalized(event.hour)
        event.minute = Self.normalized(event.minute)
        event.second = Self.normalized(event.second)
    }

    /// 12 → 2012, 89 → 1989.
    private static func fullYear(_ year: Int) -> Int {
        switch year {
        case 0..<70: year + 2000
        case 70..<100: year + 1900
        default: year
        }
    }

    private static func normalized(_ chain: [CalendarComponent]?) -> [CalendarComponent]? {
        guard let chain else { return nil }
        var seen = Set<CalendarComponent>()
        return chain.map { $0.normalized() }.sorted().filter { seen.insert($0).inserted }
    }

    private func validate() throws(CalendarEventError) {
        try check(event.year, "year", 1970, 2199, endOfMonth: false)
        try check(event.month, "month", 1, 12, endOfMonth: false)
        try check(event.day, "day", 1, 31, endOfMonth: event.endOfMonth)
        try check(event.hour, "hour", 0, 23, endOfMonth: false)
        try check(event.minute, "minute", 0, 59, endOfMonth: false)
        try check(event.second, "second", 0, 60 * 1_000_000 - 1, endOfMonth: false)
    }

    /// The range checks of systemd's validation, with a message per field.
    private func check(
        _ chain: [CalendarComponent]?,
        _ field: String,
        _ from: Int,
        _ to: Int,
        endOfMonth: Bool
    ) throws(CalendarEventError) {
        guard let chain else { return }
        let upper = endOfMonth ? to - 3 : to
        let seconds = field == "second"
        func show(_ value: Int) -> String {
            guard seconds else { return String(value) }
            let fraction = value % 1_000_000
            return fraction == 0 ? String(value / 1_000_000) : "\(value / 1_000_000).\(fraction)"
        }
        let range = seconds ? "0…59" : "\(from)…\(upper)"
        for component in chain {
            var part = show(component.start)
            if component.stop >= 0 { part += ".." + show(component.stop) }
            if component.repeat > 0 && !(component.stop >= 0 && component.repeat == (seconds ? 1_000_000 : 1)) {
                part += "/" + show(component.repeat)
            }
            let error = { (reason: String) in failure(part, reason) }
            let name = endOfMonth && field == "day" ? "days before the end of the month" : field
            guard (from...upper).contains(component.start) else { throw error("\(name) must be \(range)") }
            guard component.repeat <= upper - from else { throw error("the repetition is too large for a \(field)") }
            if component.stop >= 0 {
                guard (from...upper).contains(component.stop) else { throw error("\(name) must be \(range)") }
                guard component.start + component.repeat <= component.stop else {
                    throw error("the range must go forward and fit one repetition")
                }
            } else if endOfMonth
                ? component.start - component.repeat < from : component.start + component.repeat > upper
            {
                throw error("the repetition goes past the range of the \(field) (\(range))")
            }
        }
    }

    // MARK: - Cursor helpers

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpaces() {
        while peek == UInt8(ascii: " ") { position += 1 }
    }

    /// The text from `start` to the end.
    private var rest: String { String(decoding: bytes[min(position, bytes.count)...], as: UTF8.self) }

    /// The word (up to a space) that starts at `start`.
    private func word(from start: Int) -> String {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func failure(_ part: String, _ reason: String) -> CalendarEventError {
        CalendarEventError(specification: text, part: part, reason: reason)
    }
}
