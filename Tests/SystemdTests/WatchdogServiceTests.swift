import Logging
import ServiceLifecycle
import Systemd
import Testing
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ProcessEnvironmentTests {
    @Suite struct WatchdogServiceTests {
        @Test func pingsAtHalfTheIntervalUntilGracefulShutdown() async throws {
            let socket = try DatagramSocket()
            let notifier = withEnvironment(["NOTIFY_SOCKET": socket.path]) { Notifier() }
            let clock = ManualClock()
            let service = WatchdogService(notifier: notifier, interval: .seconds(10), clock: clock)
            let group = ServiceGroup(services: [service], logger: Logger(label: "watchdog-test"))
            setenv("NOTIFY_SOCKET", socket.path, 1)
            defer { unsetenv("NOTIFY_SOCKET") }

            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                await clock.waitForSleeper(number: 1)
                #expect(socket.receiveQueued() == "WATCHDOG=1")
                #expect(socket.receiveQueued() == nil)

                clock.advance(by: .seconds(4))
                #expect(clock.sleepCalls == 1)
                clock.advance(by: .seconds(1))
                await clock.waitForSleeper(number: 2)
                #expect(socket.receiveQueued() == "WATCHDOG=1")

                clock.advance(by: .seconds(5))
                await clock.waitForSleeper(number: 3)
                #expect(socket.receiveQueued() == "WATCHDOG=1")
                #expect(clock.now.offset == .seconds(10))

                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(socket.receiveQueued() == nil)
        }

        @Test func withoutWatchdogItOnlyWaitsForShutdown() async throws {
            let socket = try DatagramSocket()
            let notifier = withEnvironment(["NOTIFY_SOCKET": socket.path]) { Notifier() }
            let clock = ManualClock()
            let service = WatchdogService(notifier: notifier, interval: nil, clock: clock)
            let (started, starting) = AsyncStream.makeStream(of: Void.self)
            let probe = StartProbe(starting: starting)
            let group = ServiceGroup(services: [service, probe], logger: Logger(label: "watchdog-test"))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                for await _ in started { break }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(clock.sleepCalls == 0)
            #expect(socket.receiveQueued() == nil)
        }
    }
}

/// A service that reports that the group is running, then waits for graceful shutdown.
private struct StartProbe: Service {
    let starting: AsyncStream<Void>.Continuation

    func run() async throws {
        starting.yield()
        starting.finish()
        try? await gracefulShutdown()
    }
}
