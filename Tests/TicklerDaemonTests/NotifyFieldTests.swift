import Testing
import TicklerCalendar
import TicklerJournalSchema
import TicklerSchedule
import TicklerTestKit

/// `TICKLER_NOTIFY`: each fired event carries the channels its obligation routes its stage to.
@Suite(.timeLimit(.minutes(1)))
struct NotifyFieldTests {
    @Test func eachStageCarriesItsOwnChannelsAndAStageWithoutNoneHasNoField() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let routed = Obligation(
            id: "greeting-cn",
            title: Fixtures.greetingTitle,
            zone: Fixtures.hanoi,
            recurrence: OnceRecurrence(at: Fixtures.greetingDue),
            recurrenceDescription: "once",
            reminderLeads: [Period(1, .day)],
            overdueEvery: Period(1, .day),
            notify: NotifyRouting(
                channels: ["office-mail", "chat"],
                stageChannels: [.due: ["chat"], .overdue: []]
            ),
            source: SourceLocation(file: "schedule.toml", line: 1)
        )
        let daemon = await DaemonHarness.started([routed], at: Fixtures.start, state: state)
        for deadline in [-Fixtures.day, 0, Fixtures.day] {
            await daemon.advance(to: Fixtures.greetingDue.adding(seconds: deadline))
        }
        let firings = daemon.sink.firings
        #expect(firings.map(\.kind) == [.reminder, .due, .overdue])
        #expect(firings.map { $0.values[.notify] } == ["office-mail,chat", "chat", nil])
        try await daemon.stop()
    }
}
