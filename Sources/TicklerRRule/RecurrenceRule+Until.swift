public import TicklerCalendar

extension RecurrenceRule {
    /// The UNTIL bound of a rule; inclusive in every form.
    public enum Until: Hashable, Sendable, CustomStringConvertible {
        /// `UNTIL=20261231`: occurrences on or before that day, read on the wall clock.
        case date(CivilDate)
        /// `UNTIL=20261231T090000`: occurrences at or before that wall-clock time.
        case local(LocalDateTime)
        /// `UNTIL=20261231T020000Z`: occurrences at or before that instant.
        case utc(Instant)

        /// The RRULE form: `20261231`, `20261231T090000`, `20261231T020000Z`.
        public var description: String {
            switch self {
            case .date(let date): Self.basic(date)
            case .local(let local): Self.basic(local)
            case .utc(let instant):
                Self.basic(ZonedDateTime(instant: instant, offsetSeconds: 0).local) + "Z"
            }
        }

        private static func basic(_ date: CivilDate) -> String {
            let year = String(date.year)
            return String(repeating: "0", count: max(0, 4 - year.count)) + year + pad(date.month) + pad(date.day)
        }

        private static func basic(_ local: LocalDateTime) -> String {
            basic(local.date) + "T" + pad(local.time.hour) + pad(local.time.minute) + pad(local.time.second)
        }

        private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    }
}
