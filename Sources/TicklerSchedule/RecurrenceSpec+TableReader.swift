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
        let reported = reader.diagnostics.count
        // The usual table has one recurrence key: found without making an array of them.
        var present: [(kind: Kind, key: TOMLTable.Key)] = []
        for candidate in TableKeys.kinds where reader.contains(candidate.key) {
            if present.isEmpty { present.reserveCapacity(1) }
            present.append(candidate)
        }
        if present.count > 1 {
            present.sort { (reader.line(of: $0.key) ?? 0, $0.kind.key) < (reader.line(of: $1.key) ?? 0, $1.kind.key) }
        }
        guard let (kind, kindKey) = present.first else {
            let list = Kind.allCases.map { "\"\($0.key)\"" }.joined(separator: ", ")
            reader.report(nil, "missing a recurrence: set exactly one of \(list)")
            return nil
        }
        for extra in present.dropFirst() {
            let line = reader.line(of: kindKey).map { " on line \($0)" } ?? ""
            reader.report(
                extra.kind.key,
                "only one recurrence key is allowed, and \"\(kind.key)\" is already set\(line)"
            )
        }
        self.init(kind: kind, value: Self.value(of: kind, key: kindKey, &reader), zone: zone, zones: zones, time: time)
        if value == nil { keysWithoutValue.insert(kind.key) }
        let takesBounds = kind != .once
        let takesCalendar = kind == .lunar || kind == .solarTerm
        start = takesBounds ? reader.dateValue(TableKeys.start) : nil
        until = takesBounds ? reader.dateValue(TableKeys.until) : nil
        calendar = takesCalendar ? reader.string(TableKeys.calendar) : nil
        leap = kind == .lunar ? reader.string(TableKeys.leap) : nil
        holidays = reader.strings(
            TableKeys.holidays,
            expected: "an array such as [\"vn\", \"cn\", \"2027-05-03\"]"
        )
        workdays = reader.strings(TableKeys.workdays, expected: "an array of dates such as [\"2027-02-13\"]")
        adjust = reader.string(TableKeys.adjust)
        except = reader.dateValues(TableKeys.except)
        also = reader.dateValues(TableKeys.also)
        // The keys present in the table without a value here: those this kind does not read, and — when the reader
        // reported a problem — those whose value was refused (a key read without a report has its value). Most are
        // absent, which the table tells without comparing a byte, its key's word made once.
        let asked = reader.diagnostics.count == reported ? TableKeys.unread(by: kind) : TableKeys.all
        for (key, tableKey) in asked where reader.contains(tableKey) && !contains(key) {
            keysWithoutValue.insert(key.rawValue)
        }
        // More than one recurrence key: build nothing, but still say which parameters do not fit the first.
        guard present.count == 1 else {
            for problem in RecurrenceBuilder.parameterProblems(self) { reader.report(problem.key, problem.message) }
            return nil
        }
    }

    /// The keys as the table is asked for them, each key's word made once.
    private enum TableKeys {
        /// The recurrence keys, in ``Kind`` order.
        static let kinds = Kind.allCases.map { (kind: $0, key: TOMLTable.Key($0.key)) }
        /// Every key, in ``Key`` order.
        static let all = Key.allCases.map { ($0, TOMLTable.Key($0.rawValue)) }
        /// The keys a kind's reading above does not read (only notes as present): `start` and `until` of a `once`,
        /// `calendar` of all but `lunar` and `solar-term`, `leap` of all but `lunar`.
        static func unread(by kind: Kind) -> [(Key, TOMLTable.Key)] {
            switch kind {
            case .once: unreadByOnce
            case .lunar: []
            case .solarTerm: unreadBySolarTerm
            case .every, .rrule, .onCalendar: unreadByOthers
            }
        }
        private static let unreadByOnce = all.filter { [.start, .until, .calendar, .leap].contains($0.0) }
        private static let unreadBySolarTerm = all.filter { $0.0 == .leap }
        private static let unreadByOthers = all.filter { [.calendar, .leap].contains($0.0) }
        static let start = TOMLTable.Key(Key.start.rawValue)
        static let until = TOMLTable.Key(Key.until.rawValue)
        static let calendar = TOMLTable.Key(Key.calendar.rawValue)
        static let leap = TOMLTable.Key(Key.leap.rawValue)
        static let holidays = TOMLTable.Key(Key.holidays.rawValue)
        static let workdays = TOMLTable.Key(Key.workdays.rawValue)
        static let adjust = TOMLTable.Key(Key.adjust.rawValue)
        static let except = TOMLTable.Key(Key.except.rawValue)
        static let also = TOMLTable.Key(Key.also.rawValue)
    }

    /// The value of the recurrence key `key` of `kind`, read with its expected type; nil (reported) when it has
    /// another.
    private static func value(of kind: Kind, key: TOMLTable.Key, _ reader: inout TableReader) -> Value? {
        switch kind {
        case .once:
            return reader.dateValue(key).map(Value.date)
        case .every:
            // A duration, with the reader's checks (an integer 0 is the zero duration; at most 1000 years).
            return reader.period(key, allowingCalendarUnits: true).map(Value.period)
        case .rrule, .onCalendar, .lunar, .solarTerm:
            return reader.string(key).map(Value.text)
        }
    }
}
