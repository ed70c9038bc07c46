import ServiceLifecycle
import UnixSignals

/// Turns each `SIGHUP` (`systemctl reload tickler-notify`) into a reload request for the notifier's loop, until
/// graceful shutdown.
///
/// The signal is trapped when the service is made, before the notifier can say `READY=1`: a reload that comes at once
/// must not find the default action (which ends the process) still in place.
struct ReloadSignalService: Service {
    /// The trapped signals.
    let signals: UnixSignalsSequence
    /// Where the requests go.
    let requests: AsyncStream<Void>.Continuation

    /// Traps `SIGHUP` now.
    init(requests: AsyncStream<Void>.Continuation) async {
        signals = await UnixSignalsSequence(trapping: .sighup)
        self.requests = requests
    }

    func run() async throws {
        defer { requests.finish() }
        for await _ in signals.cancelOnGracefulShutdown() {
            requests.yield()
        }
    }
}
