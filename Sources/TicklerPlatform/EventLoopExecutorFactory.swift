@_spi(ExperimentalCustomExecutors) public import _Concurrency

/// Makes ``EventLoop/main`` both the main executor and (through its task executor) the default executor of Swift
/// concurrency, so that the whole process runs on the main thread's epoll loop and never on Dispatch's thread pool.
///
/// An executable selects it with `typealias DefaultExecutorFactory = EventLoopExecutorFactory` beside its `@main`
/// type (SE-0471); the async `main` then runs the loop on the main thread.
@_spi(ExperimentalCustomExecutors)
public enum EventLoopExecutorFactory: ExecutorFactory {
    /// ``EventLoop/main``.
    public static var mainExecutor: any MainExecutor { EventLoop.main }
    /// ``EventLoop/main``'s task executor.
    public static var defaultExecutor: any TaskExecutor { EventLoop.main.taskExecutor }
}
