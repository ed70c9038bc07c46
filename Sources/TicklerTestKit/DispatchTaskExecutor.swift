import Dispatch

/// A task executor on a dispatch queue of its own, outside Swift's cooperative pool: a server started on it in a
/// test keeps answering while other tests of the same process block the pool's few threads waiting for child
/// processes (on a two-core machine the pool has two).
public final class DispatchTaskExecutor: TaskExecutor {
    /// The queue the jobs run on (concurrent: the server's connections are served side by side).
    private let queue: DispatchQueue

    /// An executor on a new concurrent queue named `label`.
    public init(label: String) {
        queue = DispatchQueue(label: label, attributes: .concurrent)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
