public import TicklerCalendar

/// What a check of a state file found (`ticklerctl state check`, and ticklerd before it opens the file).
public struct StateReport: Sendable, Hashable {
    /// The state file checked.
    public var path: String
    /// Whether the file exists (a missing file is created at the daemon's first start).
    public var exists: Bool
    /// The first problem found, or nil when the state is sound.
    public var problem: StateError?
    /// Tickler's migrations the file has, oldest first (the last is its schema version).
    public var appliedMigrations: [String]
    /// This build's migrations the file does not have yet: ticklerd applies them when it opens it.
    public var pendingMigrations: [String]
    /// How many obligations have a first-seen time, when it could be counted.
    public var firstSeenCount: Int?
    /// How many fired events are recorded, when it could be counted.
    public var firedCount: Int?
    /// The checkpoint, when there is one and it could be read.
    public var checkpoint: Instant?
    /// SQLite's integrity check: `["ok"]`, or the problems it lists; empty when it did not run.
    public var integrity: [String]

    /// A report on `path` that found nothing yet.
    public init(path: String, exists: Bool) {
        self.path = path
        self.exists = exists
        self.problem = nil
        self.appliedMigrations = []
        self.pendingMigrations = []
        self.firstSeenCount = nil
        self.firedCount = nil
        self.checkpoint = nil
        self.integrity = []
    }

    /// The schema version: the last migration applied (`v2`), or nil.
    public var schemaVersion: String? { appliedMigrations.last }

    /// Whether the state can be used as it is: the file exists and no problem was found.
    public var isSound: Bool { exists && problem == nil }
}
