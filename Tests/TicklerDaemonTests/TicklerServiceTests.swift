import Systemd
import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerTestKit

@Suite(.timeLimit(.minutes(1)))
struct TicklerServiceTests {
    @Test func reminderFiresAtExactlyItsInstantAndNotBefore() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        #expect(daemon.clock.pendingDeadlines == [reminder])
        daemon.clock.set(to: reminder.adding(microseconds: -1))
        #expect(daemon.sink.firings.isEmpty)
        #expect(daemon.clock.pendingDeadlines == [reminder])
        await daemon.advance(to: reminder)
        let fired = try #require(daemon.sink.firings.only)
        #expect(fired.kind == .reminder)
        #expect(fired.obligationID == "greeting-cn")
        #expect(fired.due == "2027-10-01T08:00:00+07:00")
        #expect(fired.lead == "7d")
        #expect(fired.title == Fixtures.greetingTitle)
        #expect(fired.message == "in 7 days: \(Fixtures.greetingTitle) (due 2027-10-01 08:00 +07)")
        try await daemon.stop()
    }

    @Test func leadStagesThenDueThenOverdueRepeatsForThirtyDays() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        let leads = [
            Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day),
            Fixtures.greetingDue.adding(seconds: -Fixtures.day), Fixtures.greetingDue,
        ]
        let deadlines = leads + (1...30).map { Fixtures.greetingDue.adding(seconds: Int64($0) * Fixtures.day) }
        for (index, deadline) in deadlines.enumerated() {
            #expect(daemon.clock.pendingDeadlines == [deadline])
            await daemon.advance(to: deadline, thenSleeps: index < deadlines.count - 1)
            if index == 2 { #expect(daemon.status?.hasSuffix("; 1 overdue") == true) }
        }
        let firings = daemon.sink.firings
        #expect(firings.map(\.kind) == [.reminder, .reminder, .due] + Array(repeating: .overdue, count: 30))
        #expect(firings.map(\.lead) == ["7d", "1d", nil] + Array(repeating: nil, count: 30))
        #expect(firings.map(\.kind.priority) == [.notice, .notice, .warning] + Array(repeating: .error, count: 30))
        #expect(firings[2].message == "due now: \(Fixtures.greetingTitle) (due 2027-10-01 08:00 +07)")
        #expect(firings[3].message == "overdue by 1 day: \(Fixtures.greetingTitle) (due 2027-10-01 08:00 +07)")
        #expect(daemon.clock.now() == Fixtures.greetingDue.adding(seconds: 30 * Fixtures.day))
        #expect(daemon.status == "1 obligation; next: none")
        try await daemon.stop()
    }

    @Test func withoutRepeatsAnObligationStaysOverdueForThirtyDaysThenTheStatusForgetsIt() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let quiet = Fixtures.once(
            "quiet",
            title: "Q",
            due: Fixtures.greetingDue,
            remind: [],
            overdueEvery: .zero
        )
        let daemon = await DaemonHarness.started([quiet], at: Fixtures.start, state: state)
        await daemon.advance(to: Fixtures.greetingDue)
        #expect(daemon.status == "1 obligation; next: none; 1 overdue")
        // The only wake-up left is the end of the overdue window, to keep STATUS= true.
        let windowEnd = Fixtures.greetingDue.adding(seconds: 30 * Fixtures.day)
        #expect(daemon.clock.pendingDeadlines == [windowEnd])
        await daemon.advance(to: windowEnd, thenSleeps: false)
        #expect(daemon.status == "1 obligation; next: none")
        #expect(daemon.sink.firings.map(\.kind) == [.due])
        try await daemon.stop()
    }

    @Test func statusNamesTheCountTheNextEventAndWhen() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        #expect(
            daemon.status
                == "1 obligation; next: \"\(Fixtures.greetingTitle)\" reminder in 3 days (2027-09-24 08:00 +07)"
        )
        // Until READY=1 the status says which ticklerd is starting; READY=1 carries the first full status.
        let messages = daemon.notifier.messages.elements
        #expect(
            messages.first == [.status("ticklerd \(TicklerVersion.number): starting, reading memory:schedule.toml")]
        )
        #expect(messages.dropFirst().first == [.ready, .status(daemon.status!)])
        try await daemon.stop()
    }

    @Test func aClockStepWakesTheDaemonWhichSleepsAgainUntilTheSameEvent() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        await daemon.advance(to: Fixtures.start.adding(seconds: 3600), wakingEveryone: true)
        #expect(daemon.sink.firings.isEmpty)
        #expect(daemon.clock.pendingDeadlines == [Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)])
        try await daemon.stop()
    }

    @Test func aClockStepPastSeveralStagesFiresOnlyTheLatest() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        await daemon.advance(to: Fixtures.greetingDue.adding(seconds: 2 * Fixtures.day + 3600))
        #expect(daemon.sink.firings.map(\.kind) == [.overdue])
        #expect(daemon.sink.firings.first?.message.hasPrefix("overdue by 2 days:") == true)
        try await daemon.stop()
    }

    @Test func gracefulShutdownSendsStoppingAndEnds() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        try await daemon.stop()
        #expect(daemon.notifier.messages.elements.last == [.stopping])
        #expect(daemon.sink.events.elements.map(\.kind) == [.started, .stopping])
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
