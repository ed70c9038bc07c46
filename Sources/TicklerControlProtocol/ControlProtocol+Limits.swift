extension ControlProtocol {
    /// The most bytes a reply line may hold (a year of events of a large schedule fits); ticklerctl stops reading
    /// beyond it.
    public static let maximumReplyBytes = 64 << 20

    /// The refusal of a caller who is neither root nor in ``group`` (ticklerctl prefixes `ticklerctl: ` and exits 4).
    public static let permissionDeniedMessage =
        "permission denied: acknowledging needs root or membership of group \"\(group)\""

    /// The most arrays and objects open at once in a reply; a request needs 3.
    public static let maximumDepth = 32
}
