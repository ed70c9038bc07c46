import TicklerCalendar
import TicklerLunar
import TicklerOnCalendar
import TicklerRRule

/// Builds a recurrence from a ``RecurrenceSpec``: the one builder behind the schedule loader and
/// `ticklerctl calendar`, so that a rule previews exactly as the daemon plans it.
///
/// Layers, inside out: the rule (`every`, `once`, `rrule`, `on-calendar`, `lunar`, `solar-term`) with `start`
/// and `until`; then `adjust` (moving due dates off days off, with `holidays` and `workdays`); then `except` and
/// `also`, which name due dates as they finally fall. A due date written as a date takes the spec's time of day;
/// every wall-clock time is read in the spec's zone.
public struct RecurrenceBuilder: Sendable {
    /// The zone of the obligation being read from a table.
    let zone: ZoneRules
    /// Where zones named inside a rule (an `on-calendar` event's trailing zone) are found.
    let zones: any ZoneSource
    /// The time of day of due dates written as dates, for the obligation being read from a table.
    let time: TimeOfDay

    /// A builder for an obligation's table, read in `zone` (zones named in a rule found in `zones`) at `time`.
    init(zone: ZoneRules, zones: any ZoneSource, time: TimeOfDay) {
        self.zone = zone
        self.zones = zones
        self.time = time
    }

    /// The recurrence of an `[[obligation]]` table and its description, or nil after reporting every problem to
    /// `reader` under its key.
    func build(_ reader: inout TableReader, cache: inout RuleTextCache) -> (any Recurrence, String)? {
        guard let spec = RecurrenceSpec(reading: &reader, zone: zone, zones: zones, time: time) else { return nil }
        do {
            let built = try Self.build(spec, cache: &cache)
            return (built.recurrence, built.description)
        } catch {
            for problem in error.problems { reader.report(problem.key, problem.message) }
            return nil
        }
    }

    /// The recurrence `spec` describes.
    /// - Throws: ``RecurrenceBuildError`` with every problem found, each under its key.
    public static func build(_ spec: RecurrenceSpec) throws(RecurrenceBuildError) -> BuiltRecurrence {
        var cache = RuleTextCache()
        return try build(spec, cache: &cache)
    }

    /// The recurrence `spec` describes, taking rules parsed before from `cache` and adding the ones parsed now.
    /// - Throws: ``RecurrenceBuildError`` with every problem found, each under its key.
    static func build(
        _ spec: RecurrenceSpec,
        cache: inout RuleTextCache
    ) throws(RecurrenceBuildError)
        -> BuiltRecurrence
    {
        var run = Run(spec: spec, cache: cache)
        let built = run.build()
        cache = run.cache
        guard run.problems.isEmpty, let built else { throw RecurrenceBuildError(problems: run.problems) }
        return built
    }

    /// `2014-12-15 08:00`.
    static func text(_ local: LocalDateTime) -> String { local.shortDescription }

    /// ` until 2034-12-31` (a whole day) or ` until 2034-12-31 17:00`, or nothing.
    static func untilText(_ until: LocalDateTime?) -> String {
        guard until != nil else { return "" }
        return DateTextWriter.string(atMost: 64) { writeUntil(until, to: &$0) }
    }

    /// `every 1y from 2014-12-15 08:00`, then ``untilText(_:)``, written at once: a large schedule has one for
    /// each of its obligations, and joining the parts took thousands of instructions.
    static func everyText(_ period: Period, from start: LocalDateTime, until: LocalDateTime?) -> String {
        // At most 6 + 23 (a period) + 6 + 35 (a date-time of a 20-character year) + 42 (the until) bytes.
        DateTextWriter.string(atMost: 128) { writer in
            writer.ascii("every ")
            writer.period(period)
            writer.ascii(" from ")
            writer.dateTime(start, short: true)
            writeUntil(until, to: &writer)
        }
    }

    /// Writes ``untilText(_:)``.
    private static func writeUntil(_ until: LocalDateTime?, to writer: inout DateTextWriter) {
        guard let until else { return }
        writer.ascii(" until ")
        if until.time == TimeOfDay(unchecked: 23, 59, 59, 999_999) {
            writer.date(until.date)
        } else {
            writer.dateTime(until, short: true)
        }
    }
}

extension RecurrenceBuilder {
    /// One build: the spec and the problems found so far.
    private struct Run {
        let spec: RecurrenceSpec
        private(set) var problems: [RecurrenceBuildError.Problem] = []
        /// The rules parsed so far in this load.
        private(set) var cache: RuleTextCache

        init(spec: RecurrenceSpec, cache: RuleTextCache) {
            self.spec = spec
            self.cache = cache
        }

        private var zone: ZoneRules { spec.zone }
        private var time: TimeOfDay { spec.time }

        /// `key` as the user wrote it: `"start"` or `--start`.
        private func name(_ key: String) -> String { spec.naming.name(key) }

        private mutating func report(_ key: String?, _ message: String) {
            problems.append(RecurrenceBuildError.Problem(key: key, message: message))
        }

        /// The recurrence, or nil after reporting what is wrong.
        mutating func build() -> BuiltRecurrence? {
            checkParameters()
            guard let (base, description) = buildBase() else { return nil }
            guard let (adjusted, adjustment) = adjust(base) else { return nil }
            guard let (amended, amendment) = amend(adjusted) else { return nil }
            // Usually both suffixes are empty: then the description is kept as it is, not copied.
            var text = description
            if !adjustment.isEmpty { text += adjustment }
            if !amendment.isEmpty { text += amendment }
            return BuiltRecurrence(recurrence: amended, description: text)
        }

        /// Reports parameters that do not fit the recurrence kind.
        private mutating func checkParameters() {
            problems += RecurrenceBuilder.parameterProblems(spec)
        }

        /// The rule's text, or nil (reported) when the value is a date.
        private mutating func ruleText() -> String? {
            switch spec.value {
            case .text(let text): return text
            case .period(let period): return period.description
            case .date:
                report(spec.kind.key, "expected a string, found a date")
                return nil
            case nil: return nil
            }
        }

        /// The `start` wall-clock time, reporting its absence when `required`.
        private mutating func start(required: Bool) -> LocalDateTime? {
            guard let value = spec.start else {
                if required && !spec.contains(.start) {
                    report(
                        spec.kind.key,
                        "needs \(name("start")), the first due date (a date or a local date-time)"
                    )
                }
                return nil
            }
            return value.local(at: time, in: zone)
        }

        /// The `until` wall-clock time; a date includes that whole day.
        private mutating func until(after start: LocalDateTime?) -> LocalDateTime? {
            guard let end = spec.until?.inclusiveEnd(in: zone) else { return nil }
            if let start, end < start {
                report("until", "\(untilText(end).dropFirst(7)) is before start \(text(start))")
            }
            return end
        }

        private mutating func buildBase() -> (any Recurrence, String)? {
            switch spec.kind {
            case .every: every()
            case .once: once()
            case .rrule: rrule()
            case .onCalendar: onCalendar()
            case .lunar, .solarTerm: lunar()
            }
        }

        private mutating func every() -> (any Recurrence, String)? {
            var period: Period?
            if case .period(let read) = spec.value {
                // Already parsed (and checked against the limits) by the schedule's reader.
                period = read
            } else if let text = ruleText() {
                // The parser checks the limits: a count of at most 999,999,999, at most 1000 years.
                do {
                    period = try Period.parse(text, allowingCalendarUnits: true)
                } catch {
                    report("every", error.description)
                }
            }
            if period?.isZero == true { report("every", "the interval must be more than 0") }
            let start = start(required: true)
            let until = until(after: start)
            guard let period, !period.isZero, let start else { return nil }
            let recurrence = EveryRecurrence(start: start, period: period, until: until, zone: zone)
            return (recurrence, RecurrenceBuilder.everyText(period, from: start, until: until))
        }

        private mutating func once() -> (any Recurrence, String)? {
            let date: DateValue?
            switch spec.value {
            case .date(let value): date = value
            case .text(let text):
                date = DateValue(iso: text)
                if date == nil { report("once", "invalid date \"\(text)\" (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)") }
            case .period(let period):
                date = nil
                report("once", "invalid date \"\(period)\" (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            case nil: date = nil
            }
            guard let local = date?.local(at: time, in: zone) else { return nil }
            return (OnceRecurrence(at: zone.instant(for: local)), "once \(text(local))")
        }

        private mutating func rrule() -> (any Recurrence, String)? {
            var rule: RecurrenceRule?
            if let text = ruleText() {
                do {
                    rule = try cache.rule(text) { (text) throws(RRuleError) in try RecurrenceRule(parsing: text) }
                } catch {
                    report("rrule", error.description)
                }
            }
            let start = start(required: true)
            let until = until(after: start)
            guard let rule, let start else { return nil }
            let zone = zone
            let (base, from) = cache.recurrence(of: rule, from: start, in: zone) {
                let recurrence: any Recurrence = RRuleRecurrence(rule: rule, start: start, zone: zone)
                return (recurrence, "rrule \(rule) from \(RecurrenceBuilder.text(start))")
            }
            // Shared with the others of the same rule and start, not copied, when there is nothing to add.
            guard let until else { return (base, from) }
            let description = from + untilText(until)
            return (Self.bounded(base, notAfter: zone.instant(for: until), in: zone), description)
        }

        /// `base` from `first` through `last` (its type opened from the existential).
        private static func bounded<Base: Recurrence>(
            _ base: Base,
            notBefore first: Instant? = nil,
            notAfter last: Instant?,
            in zone: ZoneRules
        ) -> any Recurrence {
            AmendedRecurrence(base: base, zone: zone, notBefore: first, notAfter: last)
        }

        private mutating func onCalendar() -> (any Recurrence, String)? {
            var event: CalendarEvent?
            if let text = ruleText() {
                do {
                    let zones = spec.zones
                    event = try cache.event(text) { (text) throws(CalendarEventError) in
                        try CalendarEvent(parsing: text, zones: zones)
                    }
                } catch {
                    report("on-calendar", error.description)
                }
            }
            let start = start(required: false)
            let until = until(after: start)
            guard let event else { return nil }
            let zone = zone
            let (base, named) = cache.recurrence(of: event, in: zone) {
                let recurrence: any Recurrence = CalendarEventRecurrence(event: event, zone: zone)
                return (recurrence, "on-calendar \(event)")
            }
            // Shared with the others of the same event and zone, not copied, when there is nothing to add.
            guard start != nil || until != nil else { return (base, named) }
            let from = start.map { " from \(text($0))" } ?? ""
            let description = named + from + untilText(until)
            let bounded = Self.bounded(
                base,
                notBefore: start.map(zone.instant(for:)),
                notAfter: until.map(zone.instant(for:)),
                in: zone
            )
            return (bounded, description)
        }

        private mutating func lunar() -> (any Recurrence, String)? {
            let kind = spec.kind.key
            var calendar = LunarCalendarKind.vietnamese
            if let name = spec.calendar {
                do { calendar = try LunarCalendarKind(parsing: name) } catch { report("calendar", error.description) }
            }
            let start = start(required: false)
            let until = until(after: start)
            guard let text = ruleText() else { return nil }
            let at =
                " at \(time.shortDescription)" + (start.map { " from \(RecurrenceBuilder.text($0))" } ?? "")
                + untilText(until)
            do {
                if spec.kind == .solarTerm {
                    let rule = SolarTermRule(term: try SolarTerm(parsing: text), calendar: calendar)
                    let recurrence = DailyRecurrence(rule: rule, time: time, zone: zone, start: start, until: until)
                    return (recurrence, "solar-term \(rule.term) (\(calendar))" + at)
                }
                let monthDay = try LunarMonthDay(parsing: text)
                var leap = LeapPolicy.skip
                if let policy = spec.leap {
                    do { leap = try LeapPolicy(parsing: policy) } catch {
                        report("leap", error.description)
                        return nil
                    }
                }
                let rule = LunarYearlyRule(monthDay: monthDay, calendar: calendar, leap: leap)
                let recurrence = DailyRecurrence(rule: rule, time: time, zone: zone, start: start, until: until)
                let leapText = leap == .skip ? "" : ", leap \(leap)"
                return (recurrence, "lunar \(monthDay) (\(calendar)\(leapText))" + at)
            } catch {
                report(kind, error.description)
                return nil
            }
        }

        /// `base` moved off days off when `adjust` asks for it, with the description's suffix.
        private mutating func adjust(_ base: any Recurrence) -> (any Recurrence, String)? {
            guard let text = spec.adjust else {
                for key in [RecurrenceSpec.Key.holidays, .workdays] where spec.contains(key) {
                    report(key.rawValue, "has no effect without \(name("adjust"))")
                }
                return spec.contains(.adjust) ? nil : (base, "")
            }
            var adjustment = DateAdjustment.none
            do { adjustment = try DateAdjustment(parsing: text) } catch { report("adjust", error.description) }
            var holidayCalendar = HolidayCalendar.none
            var madeUp: Set<CivilDate> = []
            do {
                holidayCalendar = try WorkingDays.parse(holidays: spec.holidays ?? [], workdays: []).holidays
            } catch {
                report("holidays", error.description)
            }
            do { madeUp = try WorkingDays.parse(holidays: [], workdays: spec.workdays ?? []).workdays } catch {
                report("workdays", error.description)
            }
            let workingDays = WorkingDays(holidays: holidayCalendar, workdays: madeUp)
            guard adjustment != .none else { return (base, "") }
            let sets = (spec.holidays ?? []).joined(separator: ", ")
            return (
                Self.adjusted(base, zone: zone, workingDays: workingDays, adjustment: adjustment),
                ", adjust \(adjustment)" + (sets.isEmpty ? "" : " (holidays \(sets))")
            )
        }

        private static func adjusted<Base: Recurrence>(
            _ base: Base,
            zone: ZoneRules,
            workingDays: WorkingDays,
            adjustment: DateAdjustment
        ) -> any Recurrence {
            AdjustedRecurrence(base: base, zone: zone, workingDays: workingDays, adjustment: adjustment)
        }

        /// `base` with `except` and `also` applied, with the description's suffix.
        private func amend(_ base: any Recurrence) -> (any Recurrence, String)? {
            let except = spec.except
            let also = spec.also
            if spec.contains(.except) && except == nil || spec.contains(.also) && also == nil { return nil }
            guard except?.isEmpty == false || also?.isEmpty == false else { return (base, "") }
            var dates: Set<CivilDate> = []
            var instants: Set<Instant> = []
            for value in except ?? [] {
                switch value {
                case .date(let date): dates.insert(date)
                case .local(let local): instants.insert(zone.instant(for: local))
                case .instant(let instant): instants.insert(instant)
                }
            }
            let added = (also ?? []).map { zone.instant(for: $0.local(at: time, in: zone)) }
            var suffix = ""
            if let count = except?.count, count > 0 { suffix += ", except \(count) date\(count == 1 ? "" : "s")" }
            if let count = also?.count, count > 0 { suffix += ", also \(count) date\(count == 1 ? "" : "s")" }
            return (Self.amended(base, zone: zone, dates: dates, instants: instants, added: added), suffix)
        }

        private static func amended<Base: Recurrence>(
            _ base: Base,
            zone: ZoneRules,
            dates: Set<CivilDate>,
            instants: Set<Instant>,
            added: [Instant]
        ) -> any Recurrence {
            AmendedRecurrence(
                base: base,
                zone: zone,
                excludedDates: dates,
                excludedInstants: instants,
                addedInstants: added
            )
        }

        private func text(_ local: LocalDateTime) -> String { RecurrenceBuilder.text(local) }
        private func untilText(_ until: LocalDateTime?) -> String { RecurrenceBuilder.untilText(until) }
    }

    /// The parameters that only some recurrence kinds take, with those kinds.
    private static let parameterKinds: [(RecurrenceSpec.Key, [RecurrenceSpec.Kind])] = [
        (.calendar, [.lunar, .solarTerm]),
        (.leap, [.lunar]),
        (.start, [.every, .rrule, .onCalendar, .lunar, .solarTerm]),
        (.until, [.every, .rrule, .onCalendar, .lunar, .solarTerm]),
    ]

    /// The parameters of `spec` that do not fit its recurrence kind (`start` with `once`, `leap` with `every`).
    static func parameterProblems(_ spec: RecurrenceSpec) -> [RecurrenceBuildError.Problem] {
        // Appended one by one: the usual spec has none, and an empty array allocates nothing.
        var problems: [RecurrenceBuildError.Problem] = []
        for (key, kinds) in parameterKinds where spec.contains(key) && !kinds.contains(spec.kind) {
            let list = kinds.map { spec.naming.name($0.key) }.joined(separator: ", ")
            problems.append(
                RecurrenceBuildError.Problem(
                    key: key.rawValue,
                    message: "not valid with \(spec.naming.name(spec.kind.key)) (only with \(list))"
                )
            )
        }
        return problems
    }
}
