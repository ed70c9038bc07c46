/// Who sent a request, as the kernel says (`SO_PEERCRED`), and what that allows.
public struct ControlCaller: Sendable, Hashable {
    /// The caller's user id.
    public var uid: UInt32
    /// The caller's primary group id.
    public var gid: UInt32
    /// The caller's process id.
    public var pid: Int32
    /// The Unix user name of `uid` (`TICKLER_USER=`), or the number when it has none.
    public var userName: String
    /// Whether the caller is root or a member of ``ControlProtocol/group``: it may read views and change state.
    public var isAuthorized: Bool

    /// Creates a caller.
    public init(uid: UInt32, gid: UInt32, pid: Int32, userName: String, isAuthorized: Bool) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.userName = userName
        self.isAuthorized = isAuthorized
    }
}
