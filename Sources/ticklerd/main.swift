import ArgumentParser
@_spi(ExperimentalCustomExecutors) import TicklerPlatform
@_spi(ExperimentalCustomExecutors) import _Concurrency

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// ticklerd runs all of its Swift concurrency on the main thread's epoll loop (EventLoop.main), never on Dispatch's
// thread pool: that pool's workqueue monitor wakes the process once a second as soon as one worker has started, and
// its event thread asks for nice -4, which the sandboxed service may not take ("Failed to set thread priority for
// worker thread"). The executors are installed (SE-0471) before the first task is created; Swift 6.3 does not yet
// pick up a `DefaultExecutorFactory` typealias beside an `@main` type, so the entry point is written out here: the
// command runs as the first task on the loop, and the loop owns the main thread until the command exits.
_createExecutors(factory: EventLoopExecutorFactory.self)
Task {
    await Ticklerd.main()
    exit(0)
}
do {
    try EventLoop.main.run()
} catch {
    fatalError("ticklerd: the event loop stopped: \(error)")
}
exit(0)
