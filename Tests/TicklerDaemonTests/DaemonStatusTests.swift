import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerSchedule

@Suite struct DaemonStatusTests {
    static let now = Fixtures.start

    static func status(
        nextIn seconds: Int64?,
        overdue: Int = 0,
        failure: DaemonStatus.ReloadFailure? = nil,
        count: Int = 12
    )
        -> DaemonStatus
    {
        DaemonStatus(
            obligationCount: count,
            next: seconds.map {
                DaemonStatus.Next(title: "T", stage: .due, fireAt: now.adding(seconds: $0), zone: Fixtures.hanoi)
            },
            overdueCount: overdue,
            reloadFailure: failure,
            displayZone: Fixtures.hanoi
        )
    }

    @Test(
        "the next event's time in the largest whole unit",
        arguments: [
            (0, "now"), (1, "in 1 second"), (59, "in 59 seconds"), (60, "in 1 minute"), (3599, "in 59 minutes"),
            (3600, "in 1 hour"), (86_399, "in 23 hours"), (86_400, "in 1 day"), (3 * 86_400 + 5, "in 3 days"),
        ] as [(Int64, String)]
    )
    func relativeTime(seconds: Int64, words: String) {
        #expect(Self.status(nextIn: seconds).text(now: Self.now).contains("\"T\" due \(words) ("))
    }

    @Test func fullLineWithOverdueAndAFailedReload() {
        let failure = DaemonStatus.ReloadFailure(at: Fixtures.hanoi(2027, 9, 21, 10, 42), errorCount: 1)
        #expect(
            Self.status(nextIn: 86_400, overdue: 2, failure: failure, count: 1).text(now: Self.now)
                == "1 obligation; next: \"T\" due in 1 day (2027-09-22 08:00 +07); 2 overdue; "
                + "reload failed at 2027-09-21 10:42 +07: 1 error (see journalctl -u ticklerd)"
        )
    }

    @Test func nothingLeftToFire() {
        #expect(Self.status(nextIn: nil, count: 0).text(now: Self.now) == "0 obligations; next: none")
    }
}
