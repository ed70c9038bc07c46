import TicklerCalendar
import TicklerLunar
import TicklerOnCalendar
import TicklerRRule

/// Builds an obligation's recurrence from its recurrence key, its parameters and its modifiers.
///
/// Layers, inside out: the rule (`every`, `once`, `rrule`, `on-calendar`, `lunar`, `solar-term`) with `start`
/// and `until`; then `adjust` (moving due dates off days off, with `holidays` and `workdays`); then `except` and
/// `also`, which name due dates as they finally fall.
struct RecurrenceBuilder {
    let zone: ZoneRules
    /// Where zones named inside a rule (an `on-calendar` event's trailing zone) are found.
    let zones: any ZoneSource
    let time: TimeOfDay

    /// The recurrence and its description, or nil after reporting what is wrong.
    func build(_ reader: inout TableReader) -> (any Recurrence, String)? {
        let present = ObligationParser.recurrenceKeys.filter(reader.contains).sorted {
            (reader.line(of: $0) ?? 0, $0) < (reader.line(of: $1) ?? 0, $1)
        }
        guard let kind = present.first else {
            let list = ObligationParser.recurrenceKeys.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.report(nil, "missing a recurrence: set exactly one of \(list)")
            return nil
        }
        for extra in present.dropFirst() {
            let line = reader.line(of: kind).map { " on line \($0)" } ?? ""
            reader.report(extra, "only one recurrence key is allowed, and \"\(kind)\" is already set\(line)")
        }
        checkParameters(kind: kind, &reader)
        guard present.count == 1, let (base, description) = buildBase(kind: kind, &reader) else { return nil }
        guard let (adjusted, adjustment) = adjust(base, &reader) else { return nil }
        guard let (amended, amendment) = amend(adjusted, &reader) else { return nil }
        return (amended, description + adjustment + amendment)
    }

    /// Reports parameters that do not fit the recurrence kind.
    private func checkParameters(kind: String, _ reader: inout TableReader) {
        let allowed: [String: [String]] = [
            "start": ["every", "rrule", "on-calendar", "lunar", "solar-term"],
            "until": ["every", "rrule", "on-calendar", "lunar", "solar-term"],
            "calendar": ["lunar", "solar-term"],
            "leap": ["lunar"],
        ]
        for (key, kinds) in allowed.sorted(by: { $0.key < $1.key }) where reader.contains(key) && !kinds.contains(kind)
        {
            let list = kinds.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.report(key, "not valid with \"\(kind)\" (only with \(list))")
        }
    }

    /// The `start` wall-clock time, reporting its absence when `required`.
    private func start(_ reader: inout TableReader, for kind: String, required: Bool) -> LocalDateTime? {
        guard let value = reader.dateValue("start") else {
            if required && !reader.contains("start") {
                reader.report(kind, "needs \"start\", the first due date (a date or a local date-time)")
            }
            return nil
        }
        return value.local(at: time, in: zone)
    }

    /// The `until` wall-clock time; a date includes that whole day.
    private func until(_ reader: inout TableReader, after start: LocalDateTime?) -> LocalDateTime? {
        guard let end = reader.dateValue("until")?.inclusiveEnd(in: zone) else { return nil }
        if let start, end < start {
            reader.report("until", "\(Self.untilText(end).dropFirst(7)) is before start \(Self.text(start))")
        }
        return end
    }

    private func buildBase(kind: String, _ reader: inout TableReader) -> (any Recurrence, String)? {
        switch kind {
        case "every": return every(&reader)
        case "once": return once(&reader)
        case "rrule": return rrule(&reader)
        case "on-calendar": return onCalendar(&reader)
        default: return lunar(kind: kind, &reader)
        }
    }

    private func every(_ reader: inout TableReader) -> (any Recurrence, String)? {
        let period = reader.period("every", allowingCalendarUnits: true)
        if period?.isZero == true { reader.report("every", "the interval must be more than 0") }
        let start = start(&reader, for: "every", required: true)
        let until = until(&reader, after: start)
        guard let period, !period.isZero, let start else { return nil }
        let recurrence = EveryRecurrence(start: start, period: period, until: until, zone: zone)
        return (recurrence, "every \(period) from \(Self.text(start))" + Self.untilText(until))
    }

    private func once(_ reader: inout TableReader) -> (any Recurrence, String)? {
        guard let local = reader.dateValue("once")?.local(at: time, in: zone) else { return nil }
        return (OnceRecurrence(at: zone.instant(for: local)), "once \(Self.text(local))")
    }

    private func rrule(_ reader: inout TableReader) -> (any Recurrence, String)? {
        let text = reader.string("rrule")
        var rule: RecurrenceRule?
        if let text {
            do {
                rule = try RecurrenceRule(parsing: text)
            } catch {
                reader.report("rrule", error.description)
            }
        }
        let start = start(&reader, for: "rrule", required: true)
        let until = until(&reader, after: start)
        guard let rule, let start else { return nil }
        let base = RRuleRecurrence(rule: rule, start: start, zone: zone)
        let bounded = AmendedRecurrence(base: base, zone: zone, notAfter: until.map(zone.instant(for:)))
        return (bounded, "rrule \(rule) from \(Self.text(start))" + Self.untilText(until))
    }

    private func onCalendar(_ reader: inout TableReader) -> (any Recurrence, String)? {
        let text = reader.string("on-calendar")
        var event: CalendarEvent?
        if let text {
            do {
                event = try CalendarEvent(parsing: text, zones: zones)
            } catch {
                reader.report("on-calendar", error.description)
            }
        }
        let start = start(&reader, for: "on-calendar", required: false)
        let until = until(&reader, after: start)
        guard let event else { return nil }
        let base = CalendarEventRecurrence(event: event, zone: zone)
        let bounded = AmendedRecurrence(
            base: base,
            zone: zone,
            notBefore: start.map(zone.instant(for:)),
            notAfter: until.map(zone.instant(for:))
        )
        let from = start.map { " from \(Self.text($0))" } ?? ""
        return (bounded, "on-calendar \(event)" + from + Self.untilText(until))
    }

    private func lunar(kind: String, _ reader: inout TableReader) -> (any Recurrence, String)? {
        var calendar = LunarCalendarKind.vietnamese
        if let name = reader.string("calendar") {
            do { calendar = try LunarCalendarKind(parsing: name) } catch {
                reader.report("calendar", error.description)
            }
        }
        let start = start(&reader, for: kind, required: false)
        let until = until(&reader, after: start)
        guard let text = reader.string(kind) else { return nil }
        let at = " at \(time.shortDescription)" + (start.map { " from \(Self.text($0))" } ?? "") + Self.untilText(until)
        do {
            if kind == "solar-term" {
                let rule = SolarTermRule(term: try SolarTerm(parsing: text), calendar: calendar)
                let recurrence = DailyRecurrence(rule: rule, time: time, zone: zone, start: start, until: until)
                return (recurrence, "solar-term \(rule.term) (\(calendar))" + at)
            }
            let monthDay = try LunarMonthDay(parsing: text)
            var leap = LeapPolicy.skip
            if let policy = reader.string("leap") {
                do { leap = try LeapPolicy(parsing: policy) } catch {
                    reader.report("leap", error.description)
                    return nil
                }
            }
            let rule = LunarYearlyRule(monthDay: monthDay, calendar: calendar, leap: leap)
            let recurrence = DailyRecurrence(rule: rule, time: time, zone: zone, start: start, until: until)
            let leapText = leap == .skip ? "" : ", leap \(leap)"
            return (recurrence, "lunar \(monthDay) (\(calendar)\(leapText))" + at)
        } catch {
            reader.report(kind, error.description)
            return nil
        }
    }

    /// `base` moved off days off when `adjust` asks for it, with the description's suffix.
    private func adjust(_ base: any Recurrence, _ reader: inout TableReader) -> (any Recurrence, String)? {
        let holidays = reader.strings("holidays", expected: "an array such as [\"vn\", \"cn\", \"2027-05-03\"]")
        let workdays = reader.strings("workdays", expected: "an array of dates such as [\"2027-02-13\"]")
        guard let text = reader.string("adjust") else {
            for key in ["holidays", "workdays"] where reader.contains(key) {
                reader.report(key, "has no effect without \"adjust\"")
            }
            return reader.contains("adjust") ? nil : (base, "")
        }
        var adjustment = DateAdjustment.none
        do { adjustment = try DateAdjustment(parsing: text) } catch { reader.report("adjust", error.description) }
        var holidayCalendar = HolidayCalendar.none
        var madeUp: Set<CivilDate> = []
        do { holidayCalendar = try WorkingDays.parse(holidays: holidays ?? [], workdays: []).holidays } catch {
            reader.report("holidays", error.description)
        }
        do { madeUp = try WorkingDays.parse(holidays: [], workdays: workdays ?? []).workdays } catch {
            reader.report("workdays", error.description)
        }
        let workingDays = WorkingDays(holidays: holidayCalendar, workdays: madeUp)
        guard adjustment != .none else { return (base, "") }
        let sets = (holidays ?? []).joined(separator: ", ")
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
    private func amend(_ base: any Recurrence, _ reader: inout TableReader) -> (any Recurrence, String)? {
        let except = reader.dateValues("except")
        let also = reader.dateValues("also")
        if reader.contains("except") && except == nil || reader.contains("also") && also == nil { return nil }
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

    /// `2014-12-15 08:00`.
    static func text(_ local: LocalDateTime) -> String { "\(local.date) \(local.time.shortDescription)" }

    /// ` until 2034-12-31` (a whole day) or ` until 2034-12-31 17:00`, or nothing.
    static func untilText(_ until: LocalDateTime?) -> String {
        guard let until else { return "" }
        let endOfDay = TimeOfDay(unchecked: 23, 59, 59, 999_999)
        return " until " + (until.time == endOfDay ? until.date.description : text(until))
    }
}
