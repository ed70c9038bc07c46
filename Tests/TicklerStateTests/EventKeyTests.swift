import Testing
import TicklerCalendar
import TicklerState

/// A stage's identity is its lead's length, whatever unit the schedule wrote it in.
@Suite struct EventKeyTests {
    @Test(
        "canonical stage keys",
        arguments: [
            ("remind-7d", "remind-7d"), ("remind-1w", "remind-7d"), ("remind-168h", "remind-7d"),
            ("remind-10080min", "remind-7d"), ("remind-604800s", "remind-7d"), ("remind-2w", "remind-14d"),
            ("remind-30d", "remind-30d"), ("remind-1d", "remind-1d"), ("remind-24h", "remind-1d"),
            ("remind-36h", "remind-36h"), ("remind-90min", "remind-90min"), ("remind-120min", "remind-2h"),
            ("remind-120s", "remind-2min"), ("remind-90s", "remind-90s"), ("remind-07d", "remind-7d"),
            // Not reminders, or not leads this build writes: kept as they are.
            ("due", "due"), ("overdue-3", "overdue-3"), ("remind-", "remind-"), ("remind-0d", "remind-0d"),
            ("remind-5q", "remind-5q"), ("remind-1m", "remind-1m"), ("remind-d", "remind-d"),
            ("remind-9999999999999w", "remind-9999999999999w"), ("remind-999999999999w", "remind-6999999999993d"),
        ]
    )
    func canonicalStage(written: String, canonical: String) {
        #expect(EventKey.canonicalStage(written) == canonical)
        #expect(EventKey(obligationID: "a", due: Instant(secondsSinceEpoch: 0), stage: written).stage == canonical)
    }

    @Test func keysOfOneStageWrittenDifferentlyAreEqual() {
        let due = Instant(secondsSinceEpoch: 1_800_000_000)
        let keys = ["remind-7d", "remind-1w", "remind-168h"].map { EventKey(obligationID: "a", due: due, stage: $0) }
        #expect(Set(keys).count == 1)
        #expect(keys[0].description == "a@2027-01-15T08:00:00+00:00/remind-7d")
    }
}
