import Systemd
import Testing
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The production reload trigger: a real SIGHUP sent to this test process.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct SignalReloadTests {
    @Test func sighupReloadsTheSchedule() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let schedule = InMemorySchedule(Schedule(obligations: [Fixtures.greeting], files: ["schedule.toml"]))
        let daemon = DaemonHarness(
            schedule: schedule,
            clock: ManualWallClock(Fixtures.start),
            stateDirectory: state.path,
            reloadTrigger: .sighup
        )
        // READY=1 comes only once the SIGHUP handler is installed, so the signal cannot kill the process.
        await daemon.started()
        schedule.replace(with: .empty)
        kill(getpid(), SIGHUP)
        await daemon.notifier.waitForReady(count: 2)
        await daemon.sink.events.wait { $0.contains { $0.kind == .reloaded } }
        #expect(daemon.notifier.states.contains(.reloading))
        #expect(
            daemon.sink.events(of: .reloaded).map(\.message) == [
                "reloaded memory:schedule.toml: 0 obligations from 0 files"
            ]
        )
        try await daemon.stop()
    }
}
