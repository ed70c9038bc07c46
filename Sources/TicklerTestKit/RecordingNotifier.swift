public import Systemd
public import TicklerDaemon

/// A service notifier that records the sd_notify messages instead of sending them.
public struct RecordingNotifier: ServiceNotifier {
    /// Every message sent (the states of one datagram each), in order; tests may wait on it.
    public let messages = Recorder<[NotifyState]>()

    /// A notifier that has recorded nothing.
    public init() {}

    /// Records `states` as one message; never throws.
    public func send(_ states: [NotifyState]) throws { messages.append(states) }

    /// Every state sent, flattened, in order.
    public var states: [NotifyState] { messages.elements.flatMap { $0 } }

    /// The `STATUS=` texts sent, in order.
    public var statuses: [String] {
        states.compactMap { state in
            if case .status(let text) = state { return text }
            return nil
        }
    }

    /// How many `READY=1` were sent.
    public var readyCount: Int { states.filter { $0 == .ready }.count }

    /// Waits until `count` `READY=1` have been sent.
    public func waitForReady(count: Int) async {
        await messages.wait { $0.joined().filter { $0 == .ready }.count >= count }
    }

    /// Waits until more than `count` `STATUS=` messages have been sent.
    public func waitForStatus(after count: Int) async {
        await messages.wait { messages in
            messages.joined().count { state in
                if case .status = state { return true }
                return false
            } > count
        }
    }
}
