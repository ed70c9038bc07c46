@_spi(ExperimentalCustomExecutors) @_spi(ExperimentalScheduling) public import _Concurrency

/// The default (global) executor of an ``EventLoop``: its jobs run on the loop's thread, in the order they are
/// enqueued, as task-executor jobs (so a task that prefers this executor stays on it).
public final class EventLoopTaskExecutor: TaskExecutor, Sendable {
    /// The loop's queues.
    let core: EventLoopCore

    /// An executor feeding `core`.
    init(core: EventLoopCore) {
        self.core = core
    }

    /// Enqueues `job` to run on the loop's thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        core.submit(EventLoopCore.Entry(job: UnownedJob(job), onMainExecutor: false))
    }

    /// Enqueues `job` to run on the loop's thread after `delay` on `clock`.
    public func enqueue<C: Clock>(
        _ job: consuming ExecutorJob,
        after delay: C.Duration,
        tolerance: C.Duration?,
        clock: C
    ) {
        core.schedule(job, onMainExecutor: false, after: delay)
    }

    /// Enqueues `job` to run on the loop's thread once `clock` reaches `instant`.
    public func enqueue<C: Clock>(_ job: consuming ExecutorJob, at instant: C.Instant, tolerance: C.Duration?, clock: C)
    {
        core.schedule(job, onMainExecutor: false, at: instant, clock: clock)
    }
}

@_spi(ExperimentalScheduling)
extension EventLoopTaskExecutor: SchedulingExecutor {}
