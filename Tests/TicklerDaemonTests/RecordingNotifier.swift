import Systemd
import TicklerDaemon

/// Captures sd_notify messages instead of sending them.
struct RecordingNotifier: ServiceNotifier {
    let messages = Recorder<[NotifyState]>()

    func send(_ states: [NotifyState]) throws { messages.append(states) }

    /// Every state sent, flattened, in order.
    var states: [NotifyState] { messages.elements.flatMap { $0 } }

    /// The `STATUS=` texts sent, in order.
    var statuses: [String] {
        states.compactMap { state in
            if case .status(let text) = state { return text }
            return nil
        }
    }

    /// How many `READY=1` were sent.
    var readyCount: Int { states.filter { $0 == .ready }.count }

    /// Waits until `count` `READY=1` have been sent.
    func waitForReady(count: Int) async {
        await messages.wait { $0.joined().filter { $0 == .ready }.count >= count }
    }

    /// Waits until more than `count` `STATUS=` messages have been sent.
    func waitForStatus(after count: Int) async {
        await messages.wait { messages in
            messages.joined().count { state in
                if case .status = state { return true }
                return false
            } > count
        }
    }
}
