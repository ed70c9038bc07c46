import CTicklerPlatform
import Dispatch
import Synchronization
public import TicklerCalendar

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One wait on a `timerfd` armed for an absolute wall-clock deadline, watched by a dispatch read source.
///
/// It resumes its waiter when the deadline passes, when the real-time clock is set (`ECANCELED` from `read`), or,
/// throwing `CancellationError`, when the waiting task is cancelled. No thread blocks while it waits.
public final class RealTimeTimer: Sendable {
    private struct State {
        var source: any DispatchSourceRead
        var continuation: CheckedContinuation<Void, any Error>?
        var finished = false
    }

    private let descriptor: Int32
    private let state: Mutex<State>

    /// Creates and arms the timer.
    /// - Throws: ``ClockError`` when the timer cannot be created or armed.
    public init(deadline: Instant) throws(ClockError) {
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
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: Self.queue)
        source.setCancelHandler { close(descriptor) }
        state = Mutex(State(source: source))
    }

    private static let queue = DispatchQueue(label: "ticklerd.real-time-timer")

    /// Waits until the timer expires or the clock is set.
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func wait() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let alreadyCancelled = state.withLock { state in
                    if state.finished {
                        // Cancelled before waiting: a source must be resumed once for its cancel handler to run.
                        state.source.cancel()
                        state.source.resume()
                        return true
                    }
                    state.continuation = continuation
                    state.source.setEventHandler { [self] in
                        if expiredOrClockSet() { finish(.success(())) }
                    }
                    state.source.resume()
                    return false
                }
                if alreadyCancelled { continuation.resume(throwing: CancellationError()) }
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

    /// Resumes the waiter once, with `result`, and releases the descriptor.
    private func finish(_ result: Result<Void, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard !state.finished else { return nil }
            state.finished = true
            guard let continuation = state.continuation.take() else { return nil }
            state.source.cancel()
            return continuation
        }
        continuation?.resume(with: result)
    }
}
