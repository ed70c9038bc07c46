import Dispatch
import Synchronization

/// One wait for a non-blocking descriptor to become readable or writable, watched by a dispatch source, so that no
/// thread blocks: it ends when the descriptor is ready, when the timeout passes, or when the waiting task is
/// cancelled, whichever comes first.
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
        /// The descriptor is ready.
        case ready
        /// The timeout passed first.
        case timedOut
        /// The waiting task was cancelled first.
        case cancelled
    }

    /// A read or a write source.
    private enum Source {
        /// Watches for reading.
        case read(any DispatchSourceRead)
        /// Watches for writing.
        case write(any DispatchSourceWrite)

        /// The source as such.
        var base: any DispatchSourceProtocol {
            switch self {
            case .read(let source): source
            case .write(let source): source
            }
        }
    }

    /// The waiter, what watches for it, and whether the wait has ended.
    private struct State {
        /// The waiting task's continuation, once it is suspended.
        var continuation: CheckedContinuation<Outcome, Never>?
        /// The dispatch source watching the descriptor.
        var source: Source
        /// Whether the source was resumed (a source must be, once, before it goes).
        var resumed = false
        /// The timer's work item.
        var timer: DispatchWorkItem?
        /// How the wait ended, once it has: the first of readiness, timeout and cancellation wins.
        var outcome: Outcome?
    }

    /// The queue the sources and timers run on.
    private static let queue = DispatchQueue(label: "tickler.socket-readiness")

    /// The state.
    private let state: Mutex<State>

    /// A wait for `descriptor` to be ready for `kind`, not yet begun.
    private init(_ descriptor: Int32, for kind: Kind) {
        switch kind {
        case .readable:
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: Self.queue)
            state = Mutex(State(source: .read(source)))
        case .writable:
            let source = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: Self.queue)
            state = Mutex(State(source: .write(source)))
        }
        state.withLock { state in state.source.base.setEventHandler { [weak self] in self?.finish(.ready) } }
    }

    /// Waits for `descriptor` to be ready for `kind`, at most `timeout` (nil: without limit).
    static func wait(_ descriptor: Int32, for kind: Kind, timeout: Duration?) async -> Outcome {
        let wait = ReadinessWait(descriptor, for: kind)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                wait.begin(timeout: timeout, continuation: continuation)
            }
        } onCancel: {
            wait.finish(.cancelled)
        }
    }

    /// Starts watching, unless the wait was cancelled before it began.
    private func begin(timeout: Duration?, continuation: CheckedContinuation<Outcome, Never>) {
        let early: Outcome? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            state.source.base.resume()
            state.resumed = true
            if let timeout {
                let timer = DispatchWorkItem { [weak self] in self?.finish(.timedOut) }
                let (seconds, attoseconds) = timeout.components
                let nanoseconds = max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
                Self.queue.asyncAfter(deadline: .now() + .nanoseconds(Int(clamping: nanoseconds)), execute: timer)
                state.timer = timer
            }
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    /// Ends the wait with `outcome` if it has not ended yet: stops the source and the timer, resumes the waiter.
    private func finish(_ outcome: Outcome) {
        let continuation = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            state.timer?.cancel()
            state.source.base.cancel()
            if !state.resumed {
                state.source.base.resume()
                state.resumed = true
            }
            defer {
                state.continuation = nil
                state.timer = nil
            }
            return state.continuation
        }
        continuation?.resume(returning: outcome)
    }
}
