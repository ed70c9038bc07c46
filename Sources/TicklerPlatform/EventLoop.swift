import CTicklerPlatform
import Synchronization
public import SystemPackage
@_spi(ExperimentalCustomExecutors) @_spi(ExperimentalScheduling) public import _Concurrency

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A single-threaded run loop on `epoll(7)`: ticklerd's main executor and, through ``taskExecutor``, its default
/// executor (``EventLoopExecutorFactory``); and the place where descriptors are watched.
///
/// The thread that calls ``run()`` runs every job and every descriptor handler, one at a time. It blocks in
/// `epoll_wait` with no timeout while there is nothing to do, so an idle process makes no wake-up at all. Three things
/// wake it: an `eventfd`, written when a job is enqueued from another thread while it sleeps; a `timerfd` on
/// `CLOCK_BOOTTIME`, armed for the earliest scheduled job (`Task.sleep`, `ContinuousClock.sleep`); and the descriptors
/// watched with ``watch(_:handler:)`` (timers on the real-time clock, inotify, signalfd). Nothing here uses Dispatch,
/// so it starts no Dispatch worker or event thread: no workqueue monitor ticking once a second, and no thread that
/// asks for a higher priority than the process has.
public final class EventLoop: Sendable {
    /// The descriptors and queues, shared with ``taskExecutor``.
    private let core: EventLoopCore
    /// The default (task) executor that runs its jobs on this loop's thread.
    public let taskExecutor: EventLoopTaskExecutor

    /// Creates a loop; nothing runs until a thread calls ``run()``.
    /// - Throws: the `Errno` of `epoll_create1`, `eventfd` or `timerfd_create` (`EMFILE` when out of descriptors).
    public init() throws(Errno) {
        core = try EventLoopCore()
        taskExecutor = EventLoopTaskExecutor(core: core)
    }

    /// ticklerd's loop, run by the main thread once ``EventLoopExecutorFactory`` has made it the main executor.
    public static let main: EventLoop = {
        do {
            return try EventLoop()
        } catch {
            fatalError("ticklerd: cannot create its event loop: \(error)")
        }
    }()

    /// A loop that watches descriptors on a thread of its own, for processes that run on another executor (the
    /// tests); created on first use.
    private static let background: Result<EventLoop, Errno> = {
        do throws(Errno) {
            let loop = try EventLoop()
            try loop.startThread()
            return .success(loop)
        } catch {
            return .failure(error)
        }
    }()

    /// The loop on which to watch descriptors: the default executor's when it is an event loop (ticklerd), else a
    /// background loop with its own thread.
    /// - Throws: the `Errno` of creating the background loop or its thread.
    public static func reactor() throws(Errno) -> EventLoop {
        if Task.defaultExecutor is EventLoopTaskExecutor { return main }
        return try background.get()
    }

    /// A loop with a thread of its own for CPU-bound work that would otherwise hold up the caller's executor — a large
    /// schedule's parsing, during which signals, the watchdog and the control socket must still be served (ticklerd's
    /// main loop has one thread; Swift's default pool has one per core, which a test process keeps busy) — or nil when
    /// no thread can be made.
    ///
    /// Run work there with `withTaskExecutorPreference(loop.taskExecutor)`: it stays in the calling task, so its
    /// cancellation checks see a graceful shutdown handled meanwhile elsewhere. Idle, the thread sleeps in
    /// `epoll_wait` without a timeout, as the main loop does.
    public static func workerForBlockingWork() -> EventLoop? {
        try? background.get()
    }

    /// Whether the calling thread is the one running the loop.
    public var isRunningOnLoopThread: Bool {
        core.state.withLock { state in state.thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    // MARK: Descriptors

    /// Calls `handler` on the loop's thread whenever `descriptor` is readable — or, when `writable`, has room to
    /// write — (level-triggered), until ``retire(_:descriptor:release:)``. A descriptor is watched once at a time:
    /// watch a `dup` of it to wait for it again before an earlier watch is retired.
    /// - Returns: the watch's token.
    /// - Throws: the `Errno` of `epoll_ctl` (`EEXIST` when `descriptor` is watched already).
    public func watch(
        _ descriptor: Int32,
        writable: Bool = false,
        handler: @escaping @Sendable () -> Void
    ) throws(Errno) -> UInt64 {
        let token = core.state.withLock { state in
            defer { state.nextToken += 1 }
            state.handlers[state.nextToken] = handler
            return state.nextToken
        }
        var event = epoll_event()
        event.events = writable ? EPOLLOUT.rawValue : EPOLLIN.rawValue
        event.data.u64 = token
        guard epoll_ctl(core.poller, EPOLL_CTL_ADD, descriptor, &event) == 0 else {
            let code = errno
            _ = core.state.withLock { $0.handlers.removeValue(forKey: token) }
            throw Errno(rawValue: code)
        }
        return token
    }

    /// Ends the watch `token` of `descriptor`: its handler is not called again, and once the loop's thread has taken
    /// the descriptor out of epoll (after any handler call under way) it calls `release` (which closes it, typically).
    public func retire(_ token: UInt64, descriptor: Int32, release: @escaping @Sendable () -> Void) {
        let wake = core.state.withLock { state in
            state.handlers[token] = nil
            state.retirements.append(EventLoopCore.Retirement(descriptor: descriptor, release: release))
            defer { state.sleeping = false }
            return state.sleeping
        }
        if wake { core.signalWaker() }
    }

    // MARK: Internals

    /// Runs one job on this thread, as the executor it was enqueued on.
    private func run(_ entry: EventLoopCore.Entry) {
        if entry.onMainExecutor {
            entry.job.runSynchronously(on: asUnownedSerialExecutor())
        } else {
            entry.job.runSynchronously(on: taskExecutor.asUnownedTaskExecutor())
        }
    }

    /// Releases retired descriptors, waits for events (with no timeout when `blocking`), then handles them.
    private func poll(blocking: Bool) {
        let retirements = core.state.withLock { state in
            defer { state.retirements = [] }
            return state.retirements
        }
        for retirement in retirements {
            epoll_ctl(core.poller, EPOLL_CTL_DEL, retirement.descriptor, nil)
            retirement.release()
        }
        // A release may be what the caller of runUntil(_:) waits for: then look, but do not sleep.
        let timeout: Int32 = blocking && retirements.isEmpty ? -1 : 0
        var events = [epoll_event](repeating: epoll_event(), count: 16)
        let count = events.withUnsafeMutableBufferPointer { buffer in
            epoll_wait(core.poller, buffer.baseAddress, Int32(buffer.count), timeout)
        }
        if blocking { core.state.withLock { $0.sleeping = false } }
        guard count > 0 else { return }
        for event in events.prefix(Int(count)) {
            switch event.data.u64 {
            case EventLoopCore.wakerToken:
                var value: UInt64 = 0
                _ = read(core.waker, &value, MemoryLayout<UInt64>.size)
            case EventLoopCore.clockToken:
                core.releaseDueJobs()
            case let token:
                let handler = core.state.withLock { $0.handlers[token] }
                handler?()
            }
        }
    }

    /// Runs this loop on a new thread that blocks every signal (so that signals go to the process's own threads).
    /// - Throws: the `Errno` of `pthread_create`.
    public func startThread() throws(Errno) {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let result = pthread_create(
            &thread,
            nil,
            { context in
                var all = sigset_t()
                sigfillset(&all)
                pthread_sigmask(SIG_BLOCK, &all, nil)
                guard let context else { return nil }
                let loop = Unmanaged<EventLoop>.fromOpaque(context).takeRetainedValue()
                try? loop.run()
                return nil
            },
            context
        )
        guard result == 0 else {
            Unmanaged<EventLoop>.fromOpaque(context).release()
            throw Errno(rawValue: result)
        }
        pthread_detach(thread)
    }

    /// Enqueues `job` to run on the loop's thread as the main executor.
    public func enqueue(_ job: consuming ExecutorJob) {
        core.submit(EventLoopCore.Entry(job: UnownedJob(job), onMainExecutor: true))
    }

    /// Stops the process unless the calling thread runs the loop.
    public func checkIsolated() {
        precondition(isRunningOnLoopThread, "not on the event loop's thread")
    }

    /// Whether the calling thread runs the loop.
    public func isIsolatingCurrentContext() -> Bool? {
        isRunningOnLoopThread
    }

    /// Runs jobs and handlers on the calling thread until ``stop()``.
    public func run() throws {
        try runUntil { false }
    }

    /// Runs jobs and handlers on the calling thread until `condition` holds (checked after each round) or ``stop()``.
    public func runUntil(_ condition: () -> Bool) throws {
        let outer = core.state.withLock { state in
            defer { state.thread = pthread_self() }
            return state.thread
        }
        defer { core.state.withLock { $0.thread = outer } }
        while !condition() {
            let batch: [EventLoopCore.Entry]? = core.state.withLock { state in
                if state.stopRequested {
                    state.stopRequested = false
                    return nil
                }
                if state.ready.isEmpty {
                    state.sleeping = true
                    return []
                }
                defer { state.ready = [] }
                return state.ready
            }
            guard let batch else { return }
            for entry in batch { run(entry) }
            poll(blocking: batch.isEmpty)
        }
    }

    /// Makes the innermost ``run()`` return once the jobs it has taken have run.
    public func stop() {
        let wake = core.state.withLock { state in
            state.stopRequested = true
            defer { state.sleeping = false }
            return state.sleeping
        }
        if wake { core.signalWaker() }
    }

    /// Enqueues `job` to run on the loop's thread, as the main executor, after `delay` on `clock`.
    public func enqueue<C: Clock>(
        _ job: consuming ExecutorJob,
        after delay: C.Duration,
        tolerance: C.Duration?,
        clock: C
    ) {
        core.schedule(job, onMainExecutor: true, after: delay)
    }

    /// Enqueues `job` to run on the loop's thread, as the main executor, once `clock` reaches `instant`.
    public func enqueue<C: Clock>(_ job: consuming ExecutorJob, at instant: C.Instant, tolerance: C.Duration?, clock: C)
    {
        core.schedule(job, onMainExecutor: true, at: instant, clock: clock)
    }
}

@_spi(ExperimentalCustomExecutors)
extension EventLoop: MainExecutor {}

@_spi(ExperimentalScheduling)
extension EventLoop: SchedulingExecutor {}
