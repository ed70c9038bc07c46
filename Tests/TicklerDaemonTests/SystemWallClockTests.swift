import Testing
import TicklerCalendar
import TicklerDaemon

@Suite struct SystemWallClockTests {
    @Test func aDeadlineInThePastReturnsAtOnce() async throws {
        let clock = SystemWallClock()
        let before = clock.now()
        try await clock.sleep(until: before.adding(seconds: -60))
        #expect(clock.now() >= before)
    }

    @Test func cancellingAFarSleepThrowsCancellationError() async throws {
        let clock = SystemWallClock()
        let far = clock.now().adding(seconds: 86_400 * 365)
        let task = Task { try await clock.sleep(until: far) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func aTaskCancelledBeforeSleepingDoesNotWait() async throws {
        let clock = SystemWallClock()
        let far = clock.now().adding(seconds: 86_400)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(until: far)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
