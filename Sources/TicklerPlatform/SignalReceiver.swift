import CTicklerPlatform
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Receives Unix signals as a stream, through a `signalfd` watched by the ``EventLoop``: no signal handler, no
/// Dispatch signal source (whose event thread would tick along with Dispatch's pool), and nothing wakes while no
/// signal comes.
///
/// Creating it blocks the signals in the calling thread, which is how `signalfd(2)` receives them instead of their
/// default action: create it on the thread that runs the program (ticklerd's main loop) before any other thread is
/// started, so that every thread inherits the mask. It receives for the rest of the process's life.
public final class SignalReceiver: Sendable {
    /// One element per signal received, in the order they came.
    public let arrivals: AsyncStream<Void>

    /// Blocks `signals` and starts receiving them.
    /// - Throws: the `Errno` of `signalfd` or of putting it into the event loop; the signals are unblocked again.
    public init(_ signals: [Int32]) throws(Errno) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let descriptor = signalfd(-1, &set, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
        guard descriptor >= 0 else {
            let code = errno
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            throw Errno(rawValue: code)
        }
        let (arrivals, continuation) = AsyncStream<Void>.makeStream()
        self.arrivals = arrivals
        do {
            _ = try EventLoop.reactor().watch(descriptor) {
                var information = signalfd_siginfo()
                let size = MemoryLayout<signalfd_siginfo>.size
                while read(descriptor, &information, size) == size { continuation.yield() }
            }
        } catch {
            close(descriptor)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            throw error
        }
    }
}
