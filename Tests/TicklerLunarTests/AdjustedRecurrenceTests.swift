import Testing
import TicklerCalendar
import TicklerLunar

/// `adjust = …` applied to a recurrence's instants.
@Suite("Adjusted recurrences")
struct AdjustedRecurrenceTests {
    /// UTC+7, where the tests read local times.
    static let zone = ZoneRules.fixed(offsetSeconds: 7 * 3600)

    /// The instant of a local time in `zone`.
    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!) }

    /// Local descriptions of instants.
    static func local(_ instants: [Instant]) -> [String] { instants.map { zone.localDateTime(at: $0).description } }

    /// Every day at 09:30 local time, as a date rule.
    struct EveryDay: DateRule {
        func dates(from date: CivilDate) -> Iterator { Iterator(upcoming: date) }

        struct Iterator: IteratorProtocol {
            var upcoming: CivilDate
            mutating func next() -> CivilDate? {
                defer { upcoming = upcoming.adding(days: 1) }
                return upcoming
            }
        }
    }

    /// The daily recurrence of ``EveryDay`` at 09:30, moved by `adjustment` off Vietnamese days off.
    static func daily(_ adjustment: DateAdjustment) -> AdjustedRecurrence<DailyRecurrence<EveryDay>> {
        AdjustedRecurrence(
            base: DailyRecurrence(rule: EveryDay(), time: TimeOfDay(hour: 9, minute: 30)!, zone: zone),
            zone: zone,
            workingDays: WorkingDays(holidays: HolidayCalendar(sets: [.vn])),
            adjustment: adjustment
        )
    }

    @Test("next-workday: a weekend and Tết collapse onto the next working day, once, at the same local time")
    func nextWorkday() {
        let instants = Self.daily(.nextWorkday).occurrences(after: Self.at("2027-02-03T12:00"), limit: 3)
        #expect(Self.local(instants) == ["2027-02-04T09:30:00", "2027-02-12T09:30:00", "2027-02-15T09:30:00"])
    }

    @Test("next-workday: asked during the days off, the moved occurrence is still ahead")
    func nextWorkdayFromInsideTheBreak() {
        let instants = Self.daily(.nextWorkday).occurrences(after: Self.at("2027-02-09T12:00"), limit: 1)
        #expect(Self.local(instants) == ["2027-02-12T09:30:00"])
    }

    @Test("previous-workday: days off move back; those moved to or before `after` are past")
    func previousWorkday() {
        let instants = Self.daily(.previousWorkday).occurrences(after: Self.at("2027-02-04T12:00"), limit: 3)
        #expect(Self.local(instants) == ["2027-02-12T09:30:00", "2027-02-15T09:30:00", "2027-02-16T09:30:00"])
    }

    @Test("none leaves the instants alone")
    func none() {
        let instants = Self.daily(.none).occurrences(after: Self.at("2027-02-05T12:00"), limit: 2)
        #expect(Self.local(instants) == ["2027-02-06T09:30:00", "2027-02-07T09:30:00"])
    }
}
