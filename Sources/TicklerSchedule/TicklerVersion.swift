/// The version of Tickler: the one place `ticklerd --version`, `ticklerctl --version` and the daemon's start-up
/// messages take it from.
public enum TicklerVersion {
    /// The release, as `MAJOR.MINOR.PATCH` (semantic versioning).
    public static let number = "0.1.0"
}
