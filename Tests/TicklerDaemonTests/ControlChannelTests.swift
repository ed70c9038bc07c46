import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerDaemon
import TicklerJournalSchema
import TicklerTestKit

/// Control requests reach the running daemon's core through its command stream, between firings, without disturbing
/// its timer.
@Suite("Control channel", .timeLimit(.minutes(1)))
struct ControlChannelTests {
    @Test func aRequestIsAnsweredWhileTheDaemonSleepsAndTheTimerStaysOnTheNextEvent() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        for _ in 0..<3 {
            _ = await daemon.send(.status)
            #expect(daemon.clock.pendingDeadlines == [reminder])
        }
        await daemon.advance(to: reminder)
        #expect(daemon.sink.firings.map(\.kind) == [.reminder])
        try await daemon.stop()
    }

    @Test func aRequestAfterTheDaemonStoppedIsRefusedAtOnce() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        try await daemon.stop()
        let reply = await daemon.control.handle(.status, from: .testRoot)
        guard case .failure(let failure) = reply else {
            Issue.record("expected a refusal, got \(reply)")
            return
        }
        #expect(failure.message == "ticklerd is stopping; nothing was changed")
    }
}
