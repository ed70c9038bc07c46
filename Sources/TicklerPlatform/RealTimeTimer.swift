import CTicklerPlatform
import Synchronization
import SystemPackage
public import TicklerCalendar

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One wait on a `timerfd` armed for an absolute wall-clock deadline, watched by the ``EventLoop``.
///
/// It resumes its waiter when the deadline passes, when the real-time clock is set (`ECANCELED` from `read`), or,
/// throwing `CancellationError`, when the waiting task is cancelled. No thread blocks while it waits: the descriptor
/// sits in the loop's epoll set (ticklerd's main loop, or the background loop where another executor runs).
public final class RealTimeTimer: Sendable {
    /// The outcome, once known, and who waits for it.
    private struct State {
        /// The loop's token for the descriptor, until the watch is retired.
        var token: UInt64?
        var continuation: CheckedContinuation<Void, any Error>?
        /// How the wait ends: expired (or clock set), or cancelled; nil while the timer runs.
        var outcome: Result<Void, any Error>?
    }

    /// The timerfd.
    private let descriptor: Int32
    /// The loop that watches it.
    private let loop: EventLoop
    /// The outcome and the waiter.
    private let state = Mutex(State())

    /// Creates and arms the timer.
    /// - Throws: ``ClockError`` when the timer cannot be created, armed or watched.
    public init(deadline: Instant) throws(ClockError) {
        do {
            loop = try EventLoop.reactor()
        } catch {
            throw ClockError(operation: "epoll_create1", code: error.rawValue)
        }
        let descriptor = timerfd_create(CLOCK_REALTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard descriptor >= 0 else { throw ClockError(operation: "timerfd_create", code: errno) }
        let micros = max(deadline.microsecondsSinceEpoch, 1)
        var setting = itimerspec()
        setting.it_value.tv_sec = Int(micros / 1_000_000)
        setting.it_value.tv_nsec = Int(micros % 1_000_000) * 1000
        let flags = Int32(TFD_TIMER_ABSTIME) | Int32(TFD_TIMER_CANCEL_ON_SET)
        guard timerfd_settime(descriptor, flags, &setting, nil) == 0 else {
            let code = errno
            close(descriptor)
            throw ClockError(operation: "timerfd_settime", code: code)
        }
        self.descriptor = descriptor
        do {
            let token = try loop.watch(descriptor) { [weak self] in
                guard let self, expiredOrClockSet() else { return }
                finish(.success(()))
            }
            state.withLock { $0.token = token }
        } catch {
            close(descriptor)
            throw ClockError(operation: "epoll_ctl", code: error.rawValue)
        }
    }

    /// Gives the descriptor back to the loop to close, if the wait did not already.
    deinit {
        retire(state.withLock { $0.token.take() })
    }

    /// Waits until the timer expires or the clock is set (at once if that already happened).
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func wait() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state in
                    if state.outcome == nil { state.continuation = continuation }
                    return state.outcome
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            finish(.failure(CancellationError()))
        }
    }

    /// Reads the timer: true when it expired or the clock was set, false for a spurious wake-up.
    private func expiredOrClockSet() -> Bool {
        var expirations: UInt64 = 0
        let count = read(descriptor, &expirations, MemoryLayout<UInt64>.size)
        if count == MemoryLayout<UInt64>.size { return true }
        return errno == ECANCELED
    }

    /// Settles the outcome once, resumes the waiter if there is one, and gives the descriptor back.
    private func finish(_ result: Result<Void, any Error>) {
        let (continuation, token) = state.withLock { state -> (CheckedContinuation<Void, any Error>?, UInt64?) in
            guard state.outcome == nil else { return (nil, nil) }
            state.outcome = result
            return (state.continuation.take(), state.token.take())
        }
        retire(token)
        continuation?.resume(with: result)
    }

    /// Ends the watch `token`, if any; the loop closes the descriptor once it is out of epoll.
    private func retire(_ token: UInt64?) {
        guard let token else { return }
        loop.retire(token, descriptor: descriptor) { [descriptor] in close(descriptor) }
    }
}
