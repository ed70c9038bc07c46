import CSystemd

/// The sockets the service manager opened for the daemon (socket activation, `sd_listen_fds(3)`): a `.socket` unit's
/// `ListenStream=` handed over as descriptors 3, 4, … with `$LISTEN_FDS` and `$LISTEN_PID`.
public enum SocketActivation {
    /// The listening `AF_UNIX` stream sockets handed over, in the order of the `.socket` unit; empty when the daemon
    /// was not socket-activated. The variables are removed from the environment, so no child inherits them.
    public static func unixStreamListeners() -> [Int32] {
        let count = sd_listen_fds(1)
        guard count > 0 else { return [] }
        let first = Int32(SD_LISTEN_FDS_START)
        return (first..<first + count).filter { sd_is_socket_unix($0, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0 }
    }
}
