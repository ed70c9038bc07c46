import Synchronization
import Testing
import TicklerCalendar
import TicklerSchedule
import TicklerTestKit

/// `lastDue(through:after:)`, the overdue count's and the catch-up's query, against stepping through every due
/// instant of the window, on sparse, regular and bursty recurrences (minutes apart within an hour, then nothing for
/// a day) and windows from a minute to two months.
@Suite("The last due instant of a window")
struct LastDueTests {
    /// Recurrences of every kind and density, by id.
    static let recurrences: [(id: String, keys: String)] = [
        ("yearly", #"every = "1y"\#nstart = "2011-02-08T08:00""#),
        ("daily", #"every = "1d"\#nstart = "2020-01-01T09:30""#),
        ("seven-minutes", #"every = "7min"\#nstart = "2026-01-01T00:00""#),
        // Every 7 minutes from 09:00 to 09:59.
        ("burst-rrule", #"rrule = "FREQ=MINUTELY;INTERVAL=7;BYHOUR=9"\#nstart = "2026-01-01T09:00""#),
        (
            "working-hours",
            #"rrule = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,13,17;BYMINUTE=0"\#nstart = "2025-06-02""#
        ),
        // Every quarter hour from 09:00 to 11:45.
        ("burst-calendar", #"on-calendar = "*-*-* 09..11:00/15""#),
        ("first-monday", #"on-calendar = "Mon *-*-01..07 08:00""#),
        ("ended", #"every = "1w"\#nstart = "2026-10-01T08:00"\#nuntil = "2026-11-15""#),
        ("once", #"once = "2026-11-20T10:00""#),
    ]

    /// The schedule of ``recurrences``, in Hanoi.
    static let schedule =
        "[defaults]\ntimezone = \"Asia/Ho_Chi_Minh\"\n"
        + recurrences.map { "\n[[obligation]]\nid = \"\($0.id)\"\ntitle = \"\($0.id)\"\n\($0.keys)\n" }.joined()

    @Test func matchesSteppingThroughTheWindow() throws {
        let schedule = try TestSupport.load(Self.schedule)
        var random = SeededRandom(seed: 0x1A57_D0E)
        let origin = TestSupport.instant("2026-11-01T00:00:00+00:00").microsecondsSinceEpoch
        let lengths: [Int64] = [60, 3600, 86_400, 7 * 86_400, 60 * 86_400]
        for _ in 0..<300 {
            for obligation in schedule.obligations {
                let length = lengths.randomElement(using: &random)! * 1_000_000
                let floor = Instant(
                    microsecondsSinceEpoch: origin + Int64.random(in: 0...(40 * 86_400_000_000), using: &random)
                )
                let bound = floor.adding(microseconds: Int64.random(in: 1...length, using: &random))
                #expect(
                    obligation.lastDue(through: bound, after: floor) == Self.stepped(obligation, floor, bound),
                    "\(obligation.id) in (\(floor), \(bound)]"
                )
            }
        }
    }

    @Test func edgesOfTheWindow() throws {
        let schedule = try TestSupport.load(Self.schedule)
        let daily = try #require(schedule["daily"])
        let due = TestSupport.instant("2026-11-10T09:30:00+07:00")
        #expect(daily.lastDue(through: due, after: due.adding(seconds: -1)) == due)
        #expect(daily.lastDue(through: due.adding(microseconds: -1), after: due.adding(seconds: -86_400)) == nil)
        #expect(daily.lastDue(through: due, after: due) == nil)
        #expect(daily.lastDue(through: due.adding(seconds: 86_399), after: due.adding(seconds: -86_400)) == due)
    }

    /// How many queries it takes: a few windows and steps for regular recurrences, bounded for dense ones.
    @Test func queriesStayFew() {
        func queries(every period: Period, window days: Int64, boundAfterDue seconds: Int64) -> (Int, Bool) {
            let counter = QueryCounter()
            let every = EveryRecurrence(
                start: LocalDateTime(iso: "2026-01-01T09:00")!,
                period: period,
                until: nil,
                zone: TestSupport.hanoi
            )
            let obligation = Obligation(
                id: "counted",
                title: "counted",
                zone: TestSupport.hanoi,
                recurrence: CountedRecurrence(base: every, counter: counter),
                recurrenceDescription: "",
                reminderLeads: [],
                overdueEvery: .zero,
                source: SourceLocation(file: TestSupport.path, line: 1)
            )
            // A due time near the end of November, asked of the recurrence itself, not counted.
            let due = every.firstOccurrence(after: TestSupport.instant("2026-11-24T00:00:00+07:00"))!
            let bound = due.adding(seconds: seconds)
            let last = obligation.lastDue(through: bound, after: bound.adding(seconds: -days * 86_400))
            return (counter.count.withLock { $0 }, last == due)
        }
        // A daily obligation over a week, the bound 10 hours after its last due time (17; a bisection alone took 41).
        let daily = queries(every: Period(1, .day), window: 7, boundAfterDue: 36_000)
        #expect(daily.1 && daily.0 <= 20, "\(daily.0) queries")
        // Every minute over 60 days (86,400 due times), the bound 30 seconds after the last (a bisection alone: 45).
        let minutely = queries(every: Period(1, .minute), window: 60, boundAfterDue: 30)
        #expect(minutely.1 && minutely.0 <= 10, "\(minutely.0) queries")
        // Weekly over 60 days, the bound 6 days after: windows of up to a week (a bisection alone took 45).
        let weekly = queries(every: Period(1, .week), window: 60, boundAfterDue: 6 * 86_400)
        #expect(weekly.1 && weekly.0 <= 24, "\(weekly.0) queries")
    }

    /// The last due instant in (`floor`, `bound`], found by stepping from `floor`.
    private static func stepped(_ obligation: Obligation, _ floor: Instant, _ bound: Instant) -> Instant? {
        var last: Instant?
        var cursor = floor
        while let next = obligation.nextDue(after: cursor), next <= bound {
            last = next
            cursor = next
        }
        return last
    }
}

/// Counts the queries made of a recurrence.
private final class QueryCounter: Sendable {
    let count = Mutex(0)
}

/// `base`, counting each query in `counter`.
private struct CountedRecurrence<Base: Recurrence>: Recurrence {
    let base: Base
    let counter: QueryCounter

    func occurrences(after instant: Instant) -> Base.Occurrences {
        counter.count.withLock { $0 += 1 }
        return base.occurrences(after: instant)
    }
}
