public import TicklerControlProtocol

extension ControlCaller {
    /// Root, as the tests' control requests come from unless they say otherwise.
    public static let testRoot = ControlCaller(uid: 0, gid: 0, pid: 1, userName: "root", isAuthorized: true)

    /// An authorised caller named `userName` (a member of group `tickler`), for the history's `user`.
    public static func member(_ userName: String) -> ControlCaller {
        ControlCaller(uid: 1000, gid: 1000, pid: 2, userName: userName, isAuthorized: true)
    }
}
