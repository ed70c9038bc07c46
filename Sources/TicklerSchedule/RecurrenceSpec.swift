public import TicklerCalendar

/// What a recurrence is made of, as plain values: the input of ``RecurrenceBuilder``, produced alike by the
/// schedule loader (from an `[[obligation]]` table) and by `ticklerctl calendar` (from its options).
///
/// Each field holds one key's value as read, not yet checked: the builder parses the rule text, checks the
/// combination and reports each problem under its key. A key whose value its reader could not read (a type error
/// it has already reported) is listed in ``keysWithoutValue`` instead: the builder knows it is there, says nothing
/// more about its value, and builds nothing that needs it.
public struct RecurrenceSpec: Sendable {
    /// The recurrence key: which engine yields the occurrences.
    public enum Kind: String, CaseIterable, Sendable {
        /// `every = "5y"` with `start`: a fixed period from the start.
        case every
        /// `once = "2027-06-30"`: a one-off deadline.
        case once
        /// `rrule = "FREQ=…"` with `start` as DTSTART: an RFC 5545 rule.
        case rrule
        /// `on-calendar = "Mon *-*-01..07 09:00"`: a systemd calendar event.
        case onCalendar = "on-calendar"
        /// `lunar = "01-01"`: a lunar month-day every lunar year.
        case lunar
        /// `solar-term = "qingming"`: the local date of a solar term every year.
        case solarTerm = "solar-term"

        /// The key's name, as a schedule spells it: `on-calendar`.
        public var key: String { rawValue }
    }

    /// A key a recurrence is made of: the recurrence keys, in ``Kind`` order, then their parameters and modifiers.
    public enum Key: String, CaseIterable, Sendable {
        case every, once, rrule
        case onCalendar = "on-calendar"
        case lunar
        case solarTerm = "solar-term"
        case start, until, calendar, leap, adjust, holidays, workdays, except, also

        /// The recurrence key of `kind`.
        public init(_ kind: Kind) {
            self =
                switch kind {
                case .every: .every
                case .once: .once
                case .rrule: .rrule
                case .onCalendar: .onCalendar
                case .lunar: .lunar
                case .solarTerm: .solarTerm
                }
        }
    }

    /// The value of the recurrence key.
    public enum Value: Hashable, Sendable {
        /// Text: the period, the rule, the calendar event, the month-day or the solar term (or a date, for `once`).
        case text(String)
        /// A date or date-time already read as one (a TOML date for `once`).
        case date(DateValue)
        /// The period of `every`, already parsed and checked by the schedule's reader (so not parsed again).
        case period(Period)
    }

    /// How the builder's messages name the keys they mention.
    public enum KeyNaming: Sendable {
        /// As in a schedule file: `"start"`.
        case schedule
        /// As `ticklerctl calendar` options: `--start`, `--tz` for `timezone`.
        case commandLine

        /// `key` as the user wrote it.
        public func name(_ key: String) -> String {
            switch self {
            case .schedule: "\"\(key)\""
            case .commandLine: RecurrenceSpec.option(for: key)
            }
        }
    }

    /// Every key a recurrence is made of: the recurrence keys, then their parameters and modifiers.
    public static let keys = Key.allCases.map(\.rawValue)

    /// The recurrence key.
    public var kind: Kind
    /// Its value, or nil when it could not be read.
    public var value: Value?
    /// `start`: DTSTART of `every` and `rrule`; a lower bound of the others.
    public var start: DateValue?
    /// `until`: the last due time; a date includes that whole day.
    public var until: DateValue?
    /// `calendar`: the lunar calendar of `lunar` and `solar-term` (`vietnamese` when absent).
    public var calendar: String?
    /// `leap`: what a leap month does to `lunar` (`skip` when absent).
    public var leap: String?
    /// `adjust`: how due dates move off days off (`none` when absent).
    public var adjust: String?
    /// `holidays`: the days off of `adjust`: built-in sets, dates and ranges.
    public var holidays: [String]?
    /// `workdays`: make-up working days of `adjust`.
    public var workdays: [String]?
    /// `except`: due dates (a whole local day) or due times dropped, as they finally fall.
    public var except: [DateValue]?
    /// `also`: extra due times (a date at ``time``).
    public var also: [DateValue]?
    /// The zone the wall-clock times are read in.
    public var zone: ZoneRules
    /// Where a zone named inside the rule (an `on-calendar` event's trailing zone) is found.
    public var zones: any ZoneSource
    /// The time of day of a due date written as a date (`at`).
    public var time: TimeOfDay
    /// Keys that are present but whose values are not in this spec (see the type's discussion).
    public var keysWithoutValue: Set<String>
    /// How messages name keys.
    public var naming: KeyNaming

    /// A spec of `kind` with `value`, read in `zone` (zones named in the rule found in `zones`) at `time`; set the
    /// other keys' fields as they are given.
    public init(
        kind: Kind,
        value: Value?,
        zone: ZoneRules,
        zones: any ZoneSource,
        time: TimeOfDay,
        naming: KeyNaming = .schedule
    ) {
        self.kind = kind
        self.value = value
        self.zone = zone
        self.zones = zones
        self.time = time
        self.naming = naming
        self.keysWithoutValue = []
    }

    /// Whether `key` is given, with a value or without one.
    public func contains(_ key: Key) -> Bool {
        // Usually empty: then no hash of the key is needed.
        if !keysWithoutValue.isEmpty, keysWithoutValue.contains(key.rawValue) { return true }
        return switch key {
        case .every, .once, .rrule, .onCalendar, .lunar, .solarTerm: key == Key(kind) && value != nil
        case .start: start != nil
        case .until: until != nil
        case .calendar: calendar != nil
        case .leap: leap != nil
        case .adjust: adjust != nil
        case .holidays: holidays != nil
        case .workdays: workdays != nil
        case .except: except != nil
        case .also: also != nil
        }
    }

    /// Whether a due date written as a date takes ``time``: a lunar or solar-term date, or a plain date for
    /// `once`, `start` or `also`. (A due time written with its time of day, an `until` or an `except` date, does
    /// not.)
    public var readsTimeOfDay: Bool {
        if kind == .lunar || kind == .solarTerm { return true }
        func isDate(_ value: DateValue?) -> Bool {
            if case .date = value { return true }
            return false
        }
        if case .date(let value) = value, isDate(value) { return true }
        if case .text(let text) = value, kind == .once, isDate(DateValue(iso: text)) { return true }
        return isDate(start) || (also ?? []).contains(where: isDate)
    }

    /// The `ticklerctl calendar` option that gives `key`: `--start`, `--tz` for `timezone`.
    public static func option(for key: String) -> String {
        key == "timezone" ? "--tz" : "--" + key
    }
}
