import Systemd
import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerTestKit

/// Schedules whose due instants crowd a lead time or the overdue window start, fire and stop like small ones.
@Suite(.timeLimit(.minutes(1)))
struct BoundedScheduleTests {
    /// Ten obligations due every second with a 365-day reminder and daily overdue repeats.
    static let everySecond = (0..<10).map { index in
        Fixtures.every(
            "tick-\(index)",
            title: "Tick \(index)",
            start: LocalDateTime(iso: "2027-01-01T00:00")!,
            period: Period(1, .second),
            remind: [Period(365, .day)],
            overdueEvery: Period(1, .day)
        )
    }

    /// A daemon on ``everySecond`` at `instant`, whose obligations were first seen a month before (by a daemon that
    /// ran then on the same state), so that every due instant of the overdue window counts; with the events of the
    /// catch-up at its start left out.
    static func startedAfterAMonth(at instant: Instant, state: TemporaryDirectory) async throws -> (DaemonHarness, Int)
    {
        let earlier = await DaemonHarness.started(
            everySecond,
            at: instant.adding(seconds: -31 * Fixtures.day),
            state: state
        )
        try await earlier.stop()
        let daemon = await DaemonHarness.started(everySecond, at: instant, state: state)
        return (daemon, daemon.sink.firings.count)
    }

    @Test func atTheFirstStartPastDueInstantsAreHistoryNotOverdue() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started(Self.everySecond, at: Fixtures.start, state: state)
        #expect(daemon.status?.hasPrefix("10 obligations; next: \"Tick 0\"") == true)
        #expect(daemon.status?.contains("overdue") == false, "\(daemon.status ?? "")")
        await daemon.advance(to: Fixtures.start.adding(seconds: 1))
        // Each obligation: the reminder of the due instant a year on and the due time; nothing for the due instants
        // before it was first seen (issue 9).
        let firings = daemon.sink.firings
        #expect(firings.count == 10 * 2)
        #expect(firings.filter { $0.kind == .overdue }.isEmpty)
        try await daemon.stop()
    }

    @Test func tenEverySecondObligationsWithAYearOfLeadStartFireAndStop() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let (daemon, caughtUp) = try await Self.startedAfterAMonth(at: Fixtures.start, state: state)
        #expect(daemon.status?.hasPrefix("10 obligations; next: \"Tick 0\"") == true)
        #expect(daemon.status?.hasSuffix("; 10 overdue") == true)
        await daemon.advance(to: Fixtures.start.adding(seconds: 1))
        // Each obligation: the reminder of the due instant a year on, the due time, and 30 overdue repeats.
        let firings = Array(daemon.sink.firings.dropFirst(caughtUp))
        #expect(firings.count == 10 * 32)
        #expect(firings.filter { $0.kind == .reminder }.count == 10)
        #expect(firings.filter { $0.kind == .due }.count == 10)
        #expect(firings.filter { $0.kind == .overdue }.count == 10 * 30)
        #expect(daemon.clock.pendingDeadlines == [Fixtures.start.adding(seconds: 2)])
        try await daemon.stop()
        #expect(daemon.notifier.messages.elements.last == [.stopping])
    }

    @Test func aWakeUpADayLateCatchesUpWithAtMostOneEventPerStage() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let (daemon, caughtUp) = try await Self.startedAfterAMonth(at: Fixtures.start, state: state)
        await daemon.advance(to: Fixtures.start.adding(seconds: Fixtures.day))
        #expect(daemon.sink.firings.count - caughtUp == 10 * 32)
        #expect(daemon.clock.pendingDeadlines == [Fixtures.start.adding(seconds: Fixtures.day + 1)])
        try await daemon.stop()
    }

    @Test func onCalendarEverySecondStartsAndFires() async throws {
        let schedule = try ScheduleLoader(systemZone: Fixtures.hanoi).load(
            text: (0..<10).map { "[[obligation]]\nid = \"tick-\($0)\"\ntitle = \"T\"\non-calendar = \"*:*:*\"\n" }
                .joined(separator: "\n"),
            path: "schedule.toml"
        )
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started(schedule.obligations, at: Fixtures.start, state: state)
        await daemon.advance(to: Fixtures.start.adding(seconds: 1))
        // The built-in defaults: reminders 7 days and 1 day ahead and the due time; the due instants before the first
        // start are history, so none of their 30 daily repeats.
        #expect(daemon.sink.firings.count == 10 * 3)
        try await daemon.stop()
    }

    @Test func tenThousandDailyObligationsStartAndReload() async throws {
        let obligations = (0..<10_000).map { index in
            Fixtures.every(
                "daily-\(index)",
                title: "Daily \(index)",
                start: LocalDateTime(iso: "2027-01-01T08:00")!,
                period: Period(1, .day),
                remind: [Period(7, .day)],
                overdueEvery: .zero
            )
        }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started(obligations, at: Fixtures.start.adding(seconds: 60), state: state)
        // Today's 08:00 passed before they were first seen: history, not overdue, before and after the reload.
        #expect(daemon.status?.hasPrefix("10000 obligations; next: ") == true)
        #expect(daemon.status?.contains("overdue") == false)
        await daemon.reload()
        #expect(daemon.status?.hasPrefix("10000 obligations; next: ") == true)
        #expect(daemon.status?.contains("overdue") == false)
        try await daemon.stop()
    }
}
