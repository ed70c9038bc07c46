import Synchronization

/// The one queue into the daemon's core, with its single consumer: posting and waiting decide under one lock, so a
/// command posted at any moment is either handed to the waiting core or queued for its next look — a wake-up cannot
/// be lost.
///
/// The queue stays small by design: equal reload, deadline and shutdown notices coalesce
/// (``DaemonCommand/isAbsorbed(by:)``), a zone watch posts again only after its change was taken, and each control
/// request is posted by a caller that waits for its reply. After ``close()`` posts are refused and the caller
/// answers the command itself.
final class CommandStream: Sendable {
    /// The queue and the consumer's continuation, changed only together.
    private struct State {
        /// Commands posted and not yet taken, oldest first.
        var queue: [DaemonCommand] = []
        /// The consumer, while it waits for a command (the queue is then empty).
        var waiter: CheckedContinuation<DaemonCommand, any Error>?
        /// Whether the consumer has stopped for good.
        var isClosed = false
    }

    private let state = Mutex(State())

    /// An open, empty stream.
    init() {}

    /// Hands `command` to the waiting consumer or queues it.
    /// - Returns: false when the stream is closed: the command was not taken, and the caller must answer it
    ///   (``DaemonCommand/abandon()``).
    @discardableResult
    func post(_ command: DaemonCommand) -> Bool {
        let outcome: (accepted: Bool, waiter: CheckedContinuation<DaemonCommand, any Error>?) = state.withLock {
            state in
            if state.isClosed { return (false, nil) }
            if let waiter = state.waiter {
                state.waiter = nil
                return (true, waiter)
            }
            if !state.queue.contains(where: command.isAbsorbed(by:)) { state.queue.append(command) }
            return (true, nil)
        }
        outcome.waiter?.resume(returning: command)
        return outcome.accepted
    }

    /// Posts the command `make` builds around a continuation and waits until the consumer resumes it (or, when the
    /// stream is closed, until ``DaemonCommand/abandon()`` has answered it).
    func request<Reply: Sendable>(_ make: (CheckedContinuation<Reply, Never>) -> DaemonCommand) async -> Reply {
        await withCheckedContinuation { continuation in
            let command = make(continuation)
            if !post(command) { command.abandon() }
        }
    }

    /// The oldest command, waiting for one when none is queued.
    /// - Throws: `CancellationError` when the task is cancelled first or the stream is closed.
    func next() async throws -> DaemonCommand {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<DaemonCommand, any Error>) in
                let outcome: Result<DaemonCommand, any Error>? = state.withLock { state in
                    if Task.isCancelled || state.isClosed { return .failure(CancellationError()) }
                    if !state.queue.isEmpty { return .success(state.queue.removeFirst()) }
                    precondition(state.waiter == nil, "the command stream has one consumer")
                    state.waiter = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Whether a command is queued and not yet taken.
    var hasQueued: Bool { state.withLock { !$0.queue.isEmpty } }

    /// Stops the stream for good: later posts are refused, and the commands still queued are answered
    /// (``DaemonCommand/abandon()``).
    func close() {
        let (left, waiter) = state.withLock { state in
            state.isClosed = true
            defer {
                state.queue = []
                state.waiter = nil
            }
            return (state.queue, state.waiter)
        }
        waiter?.resume(throwing: CancellationError())
        for command in left { command.abandon() }
    }
}
