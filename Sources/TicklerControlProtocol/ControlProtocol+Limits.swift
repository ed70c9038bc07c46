extension ControlProtocol {
    /// The most bytes a reply line may hold (a year of events of a large schedule fits); ticklerctl stops reading
    /// beyond it.
    public static let maximumReplyBytes = 64 << 20

    /// The most arrays and objects open at once in a reply; a request needs 3.
    public static let maximumDepth = 32
}
