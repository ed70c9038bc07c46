/// The answer to `ticklerctl status`: the daemon, its schedule, its occurrences by state, what comes next.
public struct StatusView: Sendable, Hashable {
    /// The last reload's result.
    public struct Reload: Sendable, Hashable {
        /// When, microseconds since the Unix epoch.
        public var at: Int64
        /// Whether the new schedule was adopted.
        public var succeeded: Bool
        /// The diagnostics of a refused schedule (`FILE:LINE:COLUMN: …`), empty on success.
        public var problems: [String]

        /// Creates a reload result.
        public init(at: Int64, succeeded: Bool, problems: [String]) {
            self.at = at
            self.succeeded = succeeded
            self.problems = problems
        }
    }

    /// ticklerd's version (`0.1.0`).
    public var version: String
    /// The daemon's process id.
    public var pid: Int32
    /// When the daemon started, microseconds since the Unix epoch.
    public var startedAt: Int64
    /// The configuration path the schedule was read from (`/etc/tickler`).
    public var scheduleLocation: String
    /// The files of the schedule in force.
    public var files: [String]
    /// When the schedule in force was loaded, microseconds since the Unix epoch.
    public var loadedAt: Int64
    /// How many obligations it has.
    public var obligationCount: Int
    /// How many open occurrences are in each state (states with none may be missing).
    public var counts: [OccurrenceState: Int]
    /// The next events (at most five), in fire order.
    public var next: [EventView]
    /// The last reload, if there was one.
    public var lastReload: Reload?
    /// The display zone of the daemon (the system zone), for times without an obligation.
    public var zone: String

    /// Creates a status view.
    public init(
        version: String,
        pid: Int32,
        startedAt: Int64,
        scheduleLocation: String,
        files: [String],
        loadedAt: Int64,
        obligationCount: Int,
        counts: [OccurrenceState: Int],
        next: [EventView],
        lastReload: Reload?,
        zone: String
    ) {
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.scheduleLocation = scheduleLocation
        self.files = files
        self.loadedAt = loadedAt
        self.obligationCount = obligationCount
        self.counts = counts
        self.next = next
        self.lastReload = lastReload
        self.zone = zone
    }
}
