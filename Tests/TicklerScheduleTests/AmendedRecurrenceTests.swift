import Testing
import TicklerCalendar
import TicklerSchedule

/// The except/also wrapper: exclusions by day and by instant, merged extra instants, bounds.
@Suite("AmendedRecurrence")
struct AmendedRecurrenceTests {
    private let zone = TestSupport.hanoi
    private var daily: EveryRecurrence {
        EveryRecurrence(start: LocalDateTime(iso: "2027-01-01T08:00")!, period: Period(1, .day), zone: zone)
    }

    private func list(
        _ recurrence: some Recurrence,
        after: String = "2026-12-31T00:00:00Z",
        limit: Int = 10
    ) -> [String] {
        recurrence.occurrences(after: TestSupport.instant(after), limit: limit).map { "\(zone.localDateTime(at: $0))" }
    }

    @Test("excluded days and instants drop occurrences; added ones merge in order, once")
    func exceptAndAlso() {
        let amended = AmendedRecurrence(
            base: daily,
            zone: zone,
            excludedDates: [CivilDate(iso: "2027-01-02")!],
            excludedInstants: [
                TestSupport.instant("2027-01-03T08:00:00+07:00"), TestSupport.instant("2027-01-03T20:00:00+07:00"),
            ],
            addedInstants: [
                TestSupport.instant("2027-01-03T20:00:00+07:00"), TestSupport.instant("2027-01-02T12:00:00+07:00"),
                TestSupport.instant("2027-01-04T08:00:00+07:00"), TestSupport.instant("2027-01-04T08:00:00+07:00"),
            ]
        )
        #expect(
            list(amended, limit: 4) == [
                "2027-01-01T08:00:00", "2027-01-04T08:00:00", "2027-01-05T08:00:00", "2027-01-06T08:00:00",
            ]
        )
    }

    @Test("an added instant outside the base's bounds still counts; base occurrences are bounded")
    func bounds() {
        let amended = AmendedRecurrence(
            base: daily,
            zone: zone,
            addedInstants: [TestSupport.instant("2027-03-01T09:00:00+07:00")],
            notBefore: TestSupport.instant("2027-01-03T08:00:00+07:00"),
            notAfter: TestSupport.instant("2027-01-04T08:00:00+07:00")
        )
        #expect(list(amended) == ["2027-01-03T08:00:00", "2027-01-04T08:00:00", "2027-03-01T09:00:00"])
        #expect(list(amended, after: "2027-01-03T01:00:00Z") == ["2027-01-04T08:00:00", "2027-03-01T09:00:00"])
        #expect(list(amended, after: "2027-03-01T09:00:00+07:00").isEmpty)
    }
}
