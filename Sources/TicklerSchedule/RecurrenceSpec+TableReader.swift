import TicklerCalendar
import TicklerTOML

extension RecurrenceSpec {
    /// The recurrence keys of an `[[obligation]]` table, read in `zone` at `time`; nil after reporting to `reader`
    /// a table with no recurrence key or with more than one.
    ///
    /// Type errors (a number where text belongs) are reported here, by the reader; the key is then one of
    /// ``keysWithoutValue``. Keys the recurrence kind does not take are not read at all, only noted as present, so
    /// that the builder reports them once, as not valid with the kind.
    init?(reading reader: inout TableReader, zone: ZoneRules, zones: any ZoneSource, time: TimeOfDay) {
        let recurrenceKeys = Self.recurrenceKeys
        // A closure, not `reader.contains` itself: that would copy the reader.
        var present = recurrenceKeys.filter { reader.contains($0) }
        if present.count > 1 {
            present.sort { (reader.line(of: $0) ?? 0, $0) < (reader.line(of: $1) ?? 0, $1) }
        }
        guard let first = present.first, let kind = Kind(rawValue: first) else {
            let list = recurrenceKeys.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.report(nil, "missing a recurrence: set exactly one of \(list)")
            return nil
        }
        for extra in present.dropFirst() {
            let line = reader.line(of: first).map { " on line \($0)" } ?? ""
            reader.report(extra, "only one recurrence key is allowed, and \"\(first)\" is already set\(line)")
        }
        self.init(kind: kind, value: Self.value(of: kind, &reader), zone: zone, zones: zones, time: time)
        if value == nil { keysWithoutValue.insert(kind.key) }
        let takesBounds = kind != .once
        let takesCalendar = kind == .lunar || kind == .solarTerm
        start = takesBounds ? reader.dateValue("start") : nil
        until = takesBounds ? reader.dateValue("until") : nil
        calendar = takesCalendar ? reader.string("calendar") : nil
        leap = kind == .lunar ? reader.string("leap") : nil
        holidays = reader.strings("holidays", expected: "an array such as [\"vn\", \"cn\", \"2027-05-03\"]")
        workdays = reader.strings("workdays", expected: "an array of dates such as [\"2027-02-13\"]")
        adjust = reader.string("adjust")
        except = reader.dateValues("except")
        also = reader.dateValues("also")
        // Each key of a recurrence asked of the table: most are absent, which the table tells without comparing a
        // byte, cheaper than hashing the table's few keys.
        for key in Key.allCases where reader.contains(key.rawValue) && !contains(key) {
            keysWithoutValue.insert(key.rawValue)
        }
        // More than one recurrence key: build nothing, but still say which parameters do not fit the first.
        guard present.count == 1 else {
            for problem in RecurrenceBuilder.parameterProblems(self) { reader.report(problem.key, problem.message) }
            return nil
        }
    }

    /// The recurrence keys, in ``Kind`` order.
    private static let recurrenceKeys = Kind.allCases.map(\.key)

    /// The value of the recurrence key, read with its expected type; nil (reported) when it has another.
    private static func value(of kind: Kind, _ reader: inout TableReader) -> Value? {
        switch kind {
        case .once:
            return reader.dateValue("once").map(Value.date)
        case .every:
            // A duration, with the reader's checks (an integer 0 is the zero duration; at most 1000 years).
            return reader.period("every", allowingCalendarUnits: true).map(Value.period)
        case .rrule, .onCalendar, .lunar, .solarTerm:
            return reader.string(kind.key).map(Value.text)
        }
    }
}
