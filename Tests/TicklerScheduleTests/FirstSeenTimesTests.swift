import Testing
import TicklerCalendar
import TicklerSchedule

/// First-seen times by position: what the planner, the catch-up and the overdue count read instead of the ids.
@Suite("FirstSeenTimes")
struct FirstSeenTimesTests {
    private static let schedule = Schedule(
        obligations: ["a", "b", "c"].map {
            TestSupport.obligation($0, every: Period(1, .year), start: "2020-01-01T08:00:00")
        }
    )

    @Test("each obligation's time by its index; none where no time is recorded")
    func byIndex() {
        let times = FirstSeenTimes(
            Self.schedule,
            from: [
                "c": Instant(secondsSinceEpoch: 30), "a": Instant(secondsSinceEpoch: 10),
                "gone": .init(secondsSinceEpoch: 5),
            ]
        )
        #expect(times[0] == Instant(secondsSinceEpoch: 10))
        #expect(times[1] == nil)
        #expect(times[2] == Instant(secondsSinceEpoch: 30))
        #expect(times[3] == nil)
        #expect(times.floor(of: 0) == 10_000_000)
        #expect(times.floor(of: 1) == Int64.min)
        #expect(times.floor(of: -1) == Int64.min)
    }

    @Test("no times: every index has none")
    func empty() {
        for times in [
            FirstSeenTimes(Self.schedule, from: [:]), FirstSeenTimes(.empty, from: ["a": .init(secondsSinceEpoch: 1)]),
        ] {
            #expect((0..<3).allSatisfy { times[$0] == nil && times.floor(of: $0) == Int64.min })
        }
    }
}
