/// The constants of ticklerd's control protocol, shared by the daemon and ticklerctl.
///
/// The protocol runs over an `AF_UNIX` stream socket: each request is one line of JSON, answered by one line of JSON
/// (the wire form is defined beside ``ControlRequest`` and ``ControlReply``). Every request names the protocol version;
/// a daemon refuses a version it does not speak with ``ControlFailure/Code/unsupportedVersion``.
public enum ControlProtocol {
    /// The protocol version this build speaks.
    public static let version = 1

    /// Where ticklerd listens, unless configured otherwise (`RuntimeDirectory=tickler` in the unit).
    public static let defaultSocketPath = "/run/tickler/control.socket"

    /// The most bytes a request line may hold, its newline included; a longer request is refused unread.
    public static let maximumRequestBytes = 65_536

    /// The group whose members (besides root) may change state and read the views.
    public static let group = "tickler"
}
