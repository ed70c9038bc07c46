import Testing
import TicklerCalendar
import TicklerSchedule
import TicklerState
import TicklerTestKit

@testable import TicklerDaemon

/// A wake-up asks the state which of its events fired before only about those that can have (issue 11: a burst's
/// entries go out without a query in front of them), and still never repeats one that did.
@Suite(.timeLimit(.minutes(1)))
struct FiredLookupTests {
    /// 200 one-off obligations due at the same instant, without reminders or overdue repeats.
    static let burst = (0..<200).map { index in
        Fixtures.once(
            "burst-\(index)",
            title: "Burst \(index)",
            due: Fixtures.greetingDue,
            remind: [],
            overdueEvery: .zero
        )
    }

    @Test func aBurstOfNewEventsFiresWithoutAskingTheState() async throws {
        let store = FaultInjectingStateStore()
        let daemon = await DaemonHarness.started(Self.burst, at: Fixtures.start, store: store)
        await daemon.advance(to: Fixtures.greetingDue, thenSleeps: false)
        #expect(daemon.sink.firings.count == 200)
        #expect(store.keysLookedUp == 0)
        #expect(try await store.firedEvents().count == 200)
        #expect(try await store.latestFiring() == Fixtures.greetingDue)
        try await daemon.stop()
    }

    @Test func eventsThatMayHaveFiredAreLookedUpAndNotRepeated() async throws {
        let store = FaultInjectingStateStore()
        let first = await DaemonHarness.started(Self.burst, at: Fixtures.start, store: store)
        await first.advance(to: Fixtures.greetingDue, thenSleeps: false)
        try await first.stop()

        // Restarted with the clock an hour behind: the burst is planned again, and the state says it fired.
        let second = await DaemonHarness.started(
            Self.burst,
            at: Fixtures.greetingDue.adding(seconds: -3600),
            store: store
        )
        await second.advance(to: Fixtures.greetingDue.adding(seconds: 60), thenSleeps: false)
        #expect(second.sink.firings.isEmpty)
        #expect(store.keysLookedUp == 200)
        try await second.stop()
    }

    @Test func theEarliestFiringOfAKeyIsAReminderTimeOrTheDueInstant() {
        let due = Fixtures.greetingDue
        let lead = Period(7, .day)
        let reminder = ReminderEvent(
            obligationID: "a",
            due: due,
            stage: .reminder(lead: lead),
            fireAt: due.adding(seconds: -7 * Fixtures.day)
        )
        let overdue = ReminderEvent(
            obligationID: "a",
            due: due,
            stage: .overdue(2),
            fireAt: due.adding(seconds: 2 * Fixtures.day)
        )
        #expect(DaemonCore.earliestFiring(of: reminder) == due.adding(seconds: -7 * Fixtures.day))
        #expect(DaemonCore.earliestFiring(of: overdue) == due)
    }
}
