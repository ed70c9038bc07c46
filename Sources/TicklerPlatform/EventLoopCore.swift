import CTicklerPlatform
import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What an ``EventLoop`` and its ``EventLoopTaskExecutor`` share: the epoll instance, the eventfd that wakes the loop,
/// the timerfd for scheduled jobs, and the queues of jobs, watches and retired descriptors behind one lock.
final class EventLoopCore: Sendable {
    /// A job waiting to run, and whether it was enqueued on the main (serial) executor or on the task executor.
    struct Entry: Sendable {
        /// The job.
        let job: UnownedJob
        /// True for the main executor, false for the task executor.
        let onMainExecutor: Bool
    }

    /// A job to run once `CLOCK_BOOTTIME` reaches `deadline` (nanoseconds); `sequence` keeps equal deadlines in order.
    struct TimedEntry: Sendable {
        /// Nanoseconds of `CLOCK_BOOTTIME`.
        let deadline: Int64
        /// The order in which it was scheduled.
        let sequence: UInt64
        /// The job.
        let entry: Entry
    }

    /// A watched descriptor that is no longer wanted, removed (and then released) by the loop's thread.
    struct Retirement: Sendable {
        /// The descriptor to take out of epoll.
        let descriptor: Int32
        /// What to do once it is out (close it, typically).
        let release: @Sendable () -> Void
    }

    /// Everything the loop's threads share.
    struct State: Sendable {
        /// Jobs ready to run, in the order they were enqueued.
        var ready: [Entry] = []
        /// Scheduled jobs, sorted by deadline, then sequence.
        var timed: [TimedEntry] = []
        /// The sequence number of the next scheduled job.
        var nextSequence: UInt64 = 0
        /// The handler of each watch (by token).
        var handlers: [UInt64: @Sendable () -> Void] = [:]
        /// The next token; 0 and 1 are the eventfd's and the timerfd's.
        var nextToken: UInt64 = 2
        /// Watches to take out of epoll before their descriptors are released.
        var retirements: [Retirement] = []
        /// Whether the loop's thread is (about to be) blocked in `epoll_wait`, so that a new job must wake it.
        var sleeping = false
        /// Whether ``EventLoop/stop()`` was called and the innermost `run` has not returned yet.
        var stopRequested = false
        /// The thread in ``EventLoop/run()``, if any.
        var thread: pthread_t?
    }

    /// The token of the eventfd in epoll.
    static let wakerToken: UInt64 = 0
    /// The token of the timerfd in epoll.
    static let clockToken: UInt64 = 1

    /// The epoll instance.
    let poller: Int32
    /// The eventfd that wakes a sleeping loop.
    let waker: Int32
    /// The timerfd (`CLOCK_BOOTTIME`) armed for the earliest scheduled job.
    let clock: Int32
    /// The queues.
    let state = Mutex(State())

    /// Creates the descriptors and puts the eventfd and the timerfd into epoll.
    /// - Throws: the `Errno` of `epoll_create1`, `eventfd`, `timerfd_create` or `epoll_ctl`.
    init() throws(Errno) {
        var opened: [Int32] = []
        /// `descriptor`, remembered for closing on failure, or the error that `create` met.
        func keep(_ descriptor: Int32) throws(Errno) -> Int32 {
            guard descriptor >= 0 else {
                let code = errno
                for descriptor in opened { close(descriptor) }
                throw Errno(rawValue: code)
            }
            opened.append(descriptor)
            return descriptor
        }
        poller = try keep(epoll_create1(Int32(EPOLL_CLOEXEC)))
        waker = try keep(eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK)))
        clock = try keep(timerfd_create(CLOCK_BOOTTIME, Int32(TFD_CLOEXEC | TFD_NONBLOCK)))
        for (descriptor, token) in [(waker, Self.wakerToken), (clock, Self.clockToken)] {
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.u64 = token
            guard epoll_ctl(poller, EPOLL_CTL_ADD, descriptor, &event) == 0 else {
                let code = errno
                for descriptor in opened { close(descriptor) }
                throw Errno(rawValue: code)
            }
        }
    }

    /// Closes the three descriptors.
    deinit {
        close(poller)
        close(waker)
        close(clock)
    }

    /// Adds a ready job, waking the loop's thread if it sleeps.
    func submit(_ entry: Entry) {
        let wake = state.withLock { state in
            state.ready.append(entry)
            defer { state.sleeping = false }
            return state.sleeping
        }
        if wake { signalWaker() }
    }

    /// Adds `job` (for the main executor or the task executor) to run after `delay` of a clock's duration type: the
    /// `SchedulingExecutor` witnesses of ``EventLoop`` and ``EventLoopTaskExecutor``.
    func schedule<D: DurationProtocol>(_ job: consuming ExecutorJob, onMainExecutor: Bool, after delay: D) {
        schedule(Entry(job: UnownedJob(job), onMainExecutor: onMainExecutor), after: Self.delay(delay))
    }

    /// Adds `job` (for the main executor or the task executor) to run once `clock` reaches `instant`.
    func schedule<C: Clock>(_ job: consuming ExecutorJob, onMainExecutor: Bool, at instant: C.Instant, clock: C) {
        schedule(
            Entry(job: UnownedJob(job), onMainExecutor: onMainExecutor),
            after: Self.delay(until: instant, on: clock)
        )
    }

    /// Adds a job that runs once `delay` has passed on `CLOCK_BOOTTIME`, arming the timerfd if it is the earliest.
    func schedule(_ entry: Entry, after delay: Duration) {
        let (sum, overflow) = Self.bootTime().addingReportingOverflow(Self.nanoseconds(delay))
        let deadline = overflow ? Int64.max : sum
        state.withLock { state in
            let timed = TimedEntry(deadline: deadline, sequence: state.nextSequence, entry: entry)
            state.nextSequence += 1
            let index = state.timed.firstIndex { $0.deadline > deadline } ?? state.timed.endIndex
            state.timed.insert(timed, at: index)
            if index == 0 { arm(at: deadline) }
        }
    }

    /// Moves the scheduled jobs whose deadline has passed to the ready jobs, and arms the timer for the next one.
    func releaseDueJobs() {
        var expirations: UInt64 = 0
        _ = read(clock, &expirations, MemoryLayout<UInt64>.size)
        let now = Self.bootTime()
        state.withLock { state in
            let due = state.timed.prefix { $0.deadline <= now }
            state.ready.append(contentsOf: due.map(\.entry))
            state.timed.removeFirst(due.count)
            arm(at: state.timed.first?.deadline)
        }
    }

    /// Arms the timerfd for `deadline` (nanoseconds of `CLOCK_BOOTTIME`), or disarms it.
    private func arm(at deadline: Int64?) {
        var setting = itimerspec()
        if let deadline {
            let clamped = max(deadline, 1)
            setting.it_value.tv_sec = Int(clamped / 1_000_000_000)
            setting.it_value.tv_nsec = Int(clamped % 1_000_000_000)
        }
        timerfd_settime(clock, Int32(TFD_TIMER_ABSTIME), &setting, nil)
    }

    /// Wakes the loop's thread out of `epoll_wait`.
    func signalWaker() {
        var one: UInt64 = 1
        _ = write(waker, &one, MemoryLayout<UInt64>.size)
    }

    /// Nanoseconds of `CLOCK_BOOTTIME` (the clock of `ContinuousClock` on Linux).
    static func bootTime() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// `duration` in nanoseconds, saturating; negative durations count as zero.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return Int64.max }
        let (sum, tooLate) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return tooLate ? Int64.max : sum
    }

    /// How long until `instant` of `clock`, as a `Duration` (the standard clocks' own type); a clock whose
    /// durations are of another type counts as due now.
    static func delay<C: Clock>(until instant: C.Instant, on clock: C) -> Duration {
        clock.now.duration(to: instant) as? Duration ?? .zero
    }

    /// `delay` as a `Duration`; one of another type counts as zero.
    static func delay<D: DurationProtocol>(_ delay: D) -> Duration {
        delay as? Duration ?? .zero
    }
}
