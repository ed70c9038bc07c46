import Testing
import TicklerCalendar
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

@testable import TicklerDaemon

/// ``DaemonCore/setScheduleAside(at:)`` and ``DaemonCore/takeBack(_:at:)``: a reload lets the schedule in force go
/// while it reads the new one only when the schedule's text is kept, and takes it back, made again from that text,
/// when the new one is refused.
@Suite(.timeLimit(.minutes(1)))
struct ScheduleSetAsideTests {
    static let text = TextSchedule.daily(3)

    static func core(_ schedule: Schedule, text: ScheduleText?, sink: RecordingSink) async throws -> DaemonCore {
        let opened = try await DaemonCore.open(
            schedule: schedule,
            text: text,
            store: InMemoryStateStore(),
            sink: sink,
            now: Fixtures.start
        )
        return try #require(opened)
    }

    @Test func aScheduleWithoutItsTextIsKeptWhileANewOneIsRead() async throws {
        let schedule = try TextSchedule(Self.text).loader.load(text: Self.text, path: "schedule.toml")
        var core = try await Self.core(schedule, text: nil, sink: RecordingSink())
        core.setScheduleAside(at: Fixtures.start)
        #expect(!core.isScheduleAside)
        #expect(core.schedule.ids == schedule.ids)
    }

    @Test func aScheduleWithItsTextIsLetGoAndTakenBackTheSame() async throws {
        let (schedule, text) = try TextSchedule(Self.text).loader.loadKeepingText(
            sources: [ScheduleSource(path: "schedule.toml", text: Self.text)]
        )
        var core = try await Self.core(schedule, text: text, sink: RecordingSink())
        let deadline = core.nextDeadline
        core.setScheduleAside(at: Fixtures.start)
        #expect(core.isScheduleAside)
        #expect(core.schedule.count == 0)
        #expect(core.nextDeadline == nil)
        core.takeBack(Result { () throws(ScheduleLoadError) in try text.load() }, at: Fixtures.start)
        core.planAgain(at: Fixtures.start)
        #expect(!core.isScheduleAside)
        #expect(core.schedule.ids == ["daily-0", "daily-1", "daily-2"])
        #expect(core.nextDeadline == deadline)
        #expect(deadline != nil)
    }

    @Test func aScheduleThatCannotBeMadeAgainIsReportedAndItsTextDropped() async throws {
        let (schedule, text) = try TextSchedule(Self.text).loader.loadKeepingText(
            sources: [ScheduleSource(path: "schedule.toml", text: Self.text)]
        )
        let sink = RecordingSink()
        var core = try await Self.core(schedule, text: text, sink: sink)
        core.setScheduleAside(at: Fixtures.start)
        let problem = ScheduleDiagnostic(
            file: "schedule.d/zones.toml",
            line: 2,
            column: 12,
            scope: .file,
            key: "timezone",
            message: "unknown time zone \"Asia/Nowhere\""
        )
        core.takeBack(.failure(ScheduleLoadError(diagnostics: [problem])), at: Fixtures.start)
        #expect(
            sink.events(of: .reloadFailed).map(\.message) == [
                "reload failed: the schedule in force could not be made again from its files: \(problem)"
            ]
        )
        #expect(!core.isScheduleAside)
        #expect(core.text == nil)
        #expect(core.schedule.count == 0)
        // Without a text the next reload keeps what is in force.
        core.setScheduleAside(at: Fixtures.start)
        #expect(!core.isScheduleAside)
    }
}
