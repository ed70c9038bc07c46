import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One wait for a non-blocking descriptor to become readable or writable, watched by the event loop (epoll), so that
/// no thread blocks and no Dispatch thread starts: it ends when the descriptor is ready, when the timeout passes, or
/// when the waiting task is cancelled, whichever comes first.
///
/// The loop watches a `dup` of the descriptor, one for each wait: the loop takes a retired watch out of epoll on its
/// own thread, later, and the next wait on the same socket must not find it still there. When the descriptor cannot
/// be watched at all (out of descriptors), the wait looks again after ``fallbackInterval`` instead, so that a caller
/// retrying its call neither spins nor stops.
final class ReadinessWait: Sendable {
    /// What the descriptor is waited for.
    enum Kind {
        /// Bytes to read, a connection to accept, or the end of the stream.
        case readable
        /// Room to write.
        case writable
    }

    /// How a wait ended.
    enum Outcome {
        /// The descriptor is ready (or may be: see ``fallbackInterval``).
        case ready
        /// The timeout passed first.
        case timedOut
        /// The waiting task was cancelled first.
        case cancelled
    }

    /// The waiter, its timer and its watch, and whether the wait has ended.
    private struct State {
        /// The waiting task's continuation, once it is suspended.
        var continuation: CheckedContinuation<Outcome, Never>?
        /// The task that ends the wait when the timeout passes.
        var timer: Task<Void, Never>?
        /// The watch on the loop, once it is in place.
        var watch: Watch?
        /// How the wait ended, once it has: the first of readiness, timeout and cancellation wins.
        var outcome: Outcome?
    }

    /// A watch on the loop: the loop, the duplicate descriptor it watches and the watch's token.
    private struct Watch: Sendable {
        /// The loop whose thread calls the handler.
        let loop: EventLoop
        /// The duplicate of the waited-for descriptor, closed once the watch is retired.
        let descriptor: Int32
        /// The watch's token.
        let token: UInt64

        /// Takes the watch off the loop and closes the duplicate once it is out of epoll.
        func retire() {
            let descriptor = descriptor
            loop.retire(token, descriptor: descriptor) { close(descriptor) }
        }
    }

    /// How long a wait that cannot watch its descriptor lasts before it says `ready`, for the caller to try again.
    static let fallbackInterval: Duration = .milliseconds(50)

    /// The state.
    private let state = Mutex(State())

    /// A wait not yet begun.
    private init() {}

    /// Waits for `descriptor` to be ready for `kind`, at most `timeout` (nil: without limit).
    static func wait(_ descriptor: Int32, for kind: Kind, timeout: Duration?) async -> Outcome {
        let wait = ReadinessWait()
        guard wait.startWatching(descriptor, for: kind) else { return await pause(timeout) }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                wait.begin(timeout: timeout, continuation: continuation)
            }
        } onCancel: {
            wait.finish(.cancelled)
        }
    }

    /// The wait for a descriptor that cannot be watched: ``fallbackInterval``, or the timeout if it is shorter.
    private static func pause(_ timeout: Duration?) async -> Outcome {
        let interval = timeout.map { min($0, fallbackInterval) } ?? fallbackInterval
        do {
            try await Task.sleep(for: interval)
        } catch {
            return .cancelled
        }
        return interval == timeout ? .timedOut : .ready
    }

    /// Puts a duplicate of `descriptor` into the reactor loop's epoll.
    /// - Returns: false when it could not (no descriptor or loop left).
    private func startWatching(_ descriptor: Int32, for kind: Kind) -> Bool {
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return false }
        let watch: Watch
        do throws(Errno) {
            let loop = try EventLoop.reactor()
            let token = try loop.watch(duplicate, writable: kind == .writable) { [self] in finish(.ready) }
            watch = Watch(loop: loop, descriptor: duplicate, token: token)
        } catch {
            close(duplicate)
            return false
        }
        // The handler may have run already, before the watch was known: then retire it here.
        let ended = state.withLock { state in
            if state.outcome != nil { return true }
            state.watch = watch
            return false
        }
        if ended { watch.retire() }
        return true
    }

    /// Starts the timer, unless the wait ended before it began.
    private func begin(timeout: Duration?, continuation: CheckedContinuation<Outcome, Never>) {
        let early: Outcome? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            if let timeout {
                state.timer = Task { [self] in
                    do {
                        try await Task.sleep(for: timeout)
                        finish(.timedOut)
                    } catch {}
                }
            }
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    /// Ends the wait with `outcome` if it has not ended yet: retires the watch, stops the timer, resumes the waiter.
    private func finish(_ outcome: Outcome) {
        typealias Ended = (CheckedContinuation<Outcome, Never>?, Task<Void, Never>?, Watch?)
        let ended = state.withLock { state -> Ended? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            defer {
                state.continuation = nil
                state.timer = nil
                state.watch = nil
            }
            return (state.continuation, state.timer, state.watch)
        }
        guard let (continuation, timer, watch) = ended else { return }
        watch?.retire()
        timer?.cancel()
        continuation?.resume(returning: outcome)
    }
}
