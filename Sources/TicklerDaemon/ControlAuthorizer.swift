public import TicklerControlProtocol
public import TicklerPlatform

/// Decides, from the kernel's credentials of a peer, who it is and whether it may use the control socket: root, or a
/// user whose groups (`getgrouplist`, the primary group included) hold ``ControlProtocol/group``.
public struct ControlAuthorizer: Sendable {
    /// The decision.
    private let decide: @Sendable (PeerCredentials) -> ControlCaller

    /// An authorizer that decides with `decide` (tests give fixed answers).
    public init(_ decide: @escaping @Sendable (PeerCredentials) -> ControlCaller) {
        self.decide = decide
    }

    /// The caller for `credentials`.
    public func caller(for credentials: PeerCredentials) -> ControlCaller { decide(credentials) }

    /// The system's rule: root, or membership of `group` (looked up at each connection, so that a user added to
    /// the group needs no restart of the daemon); the user's name from the user database, else the number.
    public static func system(group: String = ControlProtocol.group) -> ControlAuthorizer {
        ControlAuthorizer { credentials in
            let name = UserDatabase.userName(of: credentials.uid)
            var authorized = credentials.uid == 0
            if !authorized, let allowed = UserDatabase.groupID(named: group) {
                authorized =
                    credentials.gid == allowed
                    || name.map { UserDatabase.groups(ofUser: $0, primaryGroup: credentials.gid).contains(allowed) }
                        ?? false
            }
            return ControlCaller(
                uid: credentials.uid,
                gid: credentials.gid,
                pid: credentials.pid,
                userName: name ?? String(credentials.uid),
                isAuthorized: authorized
            )
        }
    }
}
