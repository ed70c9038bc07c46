import Synchronization
import Testing
import TicklerCalendar
@_spi(ExperimentalCustomExecutors) import TicklerPlatform

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("The epoll event loop: jobs, sleeps, descriptors, cancellation", .timeLimit(.minutes(1)))
struct EventLoopTests {
    /// A loop running on a thread of its own, as ticklerd's main thread runs `EventLoop.main`.
    static func runningLoop() throws -> EventLoop {
        let loop = try EventLoop()
        try loop.startThread()
        return loop
    }

    /// A pipe's read and write ends, non-blocking.
    static func pipeEnds() -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        for end in ends { precondition(fcntl(end, F_SETFL, O_NONBLOCK) == 0) }
        return (ends[0], ends[1])
    }

    @Test func jobsRunInTheOrderTheyAreEnqueuedOnTheLoopsThread() async throws {
        let loop = try Self.runningLoop()
        // The loop runs one job at a time, so the children finish in the order they ran.
        let runs = await withTaskGroup(of: (index: Int, onLoop: Bool).self) { group in
            for index in 0..<200 {
                group.addTask(executorPreference: loop.taskExecutor) { (index, loop.isRunningOnLoopThread) }
            }
            var runs: [(index: Int, onLoop: Bool)] = []
            for await run in group { runs.append(run) }
            return runs
        }
        #expect(runs.map(\.index) == Array(0..<200))
        #expect(runs.allSatisfy { $0.onLoop })
        #expect(!loop.isRunningOnLoopThread)
    }

    @Test func aTaskThatPrefersTheLoopStaysOnItAcrossSuspensions() async throws {
        let loop = try Self.runningLoop()
        let threads = try await Task(executorPreference: loop.taskExecutor) {
            var seen: [Bool] = []
            for _ in 0..<5 {
                seen.append(loop.isRunningOnLoopThread)
                await Task.yield()
                try await Task.sleep(for: .milliseconds(5))
            }
            return seen
        }.value
        #expect(threads == [true, true, true, true, true])
    }

    /// A task executor that hands every job to a loop's task executor to run at `deadline`, or `delay` after it was
    /// enqueued: the loop's own scheduling, without Dispatch's timer (which `Task.sleep` uses in a test process) in
    /// between.
    final class Postponing: TaskExecutor {
        let loop: EventLoop
        let deadline: ContinuousClock.Instant
        let delay: Duration?
        /// When the last job was enqueued.
        let enqueued = Mutex<ContinuousClock.Instant?>(nil)

        init(loop: EventLoop, deadline: ContinuousClock.Instant, delay: Duration?) {
            self.loop = loop
            self.deadline = deadline
            self.delay = delay
        }

        func enqueue(_ job: consuming ExecutorJob) {
            enqueued.withLock { $0 = ContinuousClock.now }
            if let delay {
                loop.taskExecutor.enqueue(job, after: delay, tolerance: nil, clock: ContinuousClock())
            } else {
                loop.taskExecutor.enqueue(job, at: deadline, tolerance: nil, clock: ContinuousClock())
            }
        }

        /// The instant the job was due at.
        var due: ContinuousClock.Instant {
            guard let delay, let enqueued = enqueued.withLock({ $0 }) else { return deadline }
            return enqueued.advanced(by: delay)
        }
    }

    /// A job scheduled on the loop runs on its thread no earlier than its instant, and not much later: the bound is
    /// loose, for a machine busy with other builds; a timer armed on the wrong clock or never would be off by far
    /// more.
    @Test(arguments: [(150, false), (400, false), (250, true)])
    func aScheduledJobRunsAtItsInstantAndNotBefore(milliseconds: Int, relative: Bool) async throws {
        let loop = try Self.runningLoop()
        let clock = ContinuousClock()
        let postponing = Postponing(
            loop: loop,
            deadline: clock.now.advanced(by: .milliseconds(milliseconds)),
            delay: relative ? .milliseconds(milliseconds) : nil
        )
        let ran = await Task(executorPreference: postponing) { (clock.now, loop.isRunningOnLoopThread) }.value
        #expect(ran.0 >= postponing.due)
        #expect(ran.0 - postponing.due < .seconds(1))
        #expect(ran.1)
    }

    @Test func aRealTimeTimerOnTheLoopWakesAtItsDeadline() async throws {
        let deadline = Instant.now().adding(microseconds: 250_000)
        let timer = try RealTimeTimer(deadline: deadline)
        // Resumed on the loop that watches the timer, so the figure is the loop's, not the test pool's.
        let woke = try await Task(executorPreference: try EventLoop.reactor().taskExecutor) {
            try await timer.wait()
            return Instant.now()
        }.value
        let late = woke.microseconds(since: deadline)
        #expect(late >= 0)
        #expect(late < 1_000_000)
    }

    @Test func aTimerThatExpiredBeforeTheWaitReturnsAtOnce() async throws {
        let timer = try RealTimeTimer(deadline: Instant.now().adding(microseconds: 1_000))
        usleep(50_000)
        let before = Instant.now()
        try await timer.wait()
        #expect(Instant.now().microseconds(since: before) < 50_000)
    }

    @Test func cancellingASleepOnTheLoopThrowsAtOnce() async throws {
        let loop = try Self.runningLoop()
        let clock = ContinuousClock()
        let started = clock.now
        let task = Task(executorPreference: loop.taskExecutor) { try await Task.sleep(for: .seconds(3600)) }
        try await Task.sleep(for: .milliseconds(20))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.now - started < .seconds(30))
    }

    @Test func cancellingARealTimeTimerThrowsAtOnce() async throws {
        let timer = try RealTimeTimer(deadline: Instant.now().adding(seconds: 3600))
        let task = Task { try await timer.wait() }
        try await Task.sleep(for: .milliseconds(20))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func aWatchedDescriptorCallsItsHandlerOnTheLoopUntilRetired() throws {
        let loop = try EventLoop()
        let ends = Self.pipeEnds()
        let calls = Mutex<[Bool]>([])
        let token = try loop.watch(ends.read) {
            var byte: UInt8 = 0
            while read(ends.read, &byte, 1) == 1 {}
            calls.withLock { $0.append(loop.isRunningOnLoopThread) }
        }
        var byte: UInt8 = 1
        #expect(write(ends.write, &byte, 1) == 1)
        try loop.runUntil { calls.withLock { $0.count } == 1 }
        let released = Mutex(false)
        loop.retire(token, descriptor: ends.read) {
            close(ends.read)
            released.withLock { $0 = true }
        }
        #expect(write(ends.write, &byte, 1) == 1)
        try loop.runUntil { released.withLock { $0 } }
        #expect(calls.withLock { $0 } == [true])
        close(ends.write)
    }

    @Test func stopEndsTheInnermostRun() throws {
        let loop = try EventLoop()
        loop.stop()
        try loop.run()
        #expect(!loop.isRunningOnLoopThread)
    }
}
