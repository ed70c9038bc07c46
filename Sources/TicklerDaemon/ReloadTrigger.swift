public import UnixSignals

/// What asks the daemon to re-read its schedule.
public enum ReloadTrigger: Sendable {
    /// A Unix signal, `SIGHUP` in production; its handler is installed when the service starts, before `READY=1`.
    case signal(UnixSignal)
    /// Each element of a stream (for tests and embedding).
    case requests(AsyncStream<Void>)
    /// Nothing: the schedule is read once.
    case none

    /// `SIGHUP`, as `systemctl reload` sends it.
    public static var sighup: ReloadTrigger { .signal(.sighup) }
}
