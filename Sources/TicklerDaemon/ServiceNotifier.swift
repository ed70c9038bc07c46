public import Systemd

/// Where the daemon reports its state to the service manager (`READY=1`, `STATUS=…`, `RELOADING=1`, `STOPPING=1`).
///
/// `Systemd.Notifier` is the real one; tests record the messages instead.
public protocol ServiceNotifier: Sendable {
    /// Sends `states` together, as one sd_notify datagram.
    func send(_ states: [NotifyState]) throws
}

extension Notifier: ServiceNotifier {}
