public import TicklerPlatform

/// Watches the files of a ``ZoneDatabase`` with inotify: its `/etc/localtime` (and `/etc/timezone`) and the zone
/// files it has read, so `timedatectl set-timezone` and a tzdata update are noticed at once.
///
/// Before each wait it re-arms on the files in use now (a reload may have brought new zones). Where inotify is not
/// available, it never reports by itself, and changes are still picked up at the next reload.
public struct SystemZoneWatch: ZoneChangeWatch {
    /// The database whose files are watched and whose rules are refreshed.
    public let database: ZoneDatabase
    /// The inotify watch, or nil when none could be set up.
    public let monitor: FileChangeMonitor?

    /// Watches `database` (the process-wide one by default).
    public init(database: ZoneDatabase = .shared) {
        self.database = database
        self.monitor = try? FileChangeMonitor()
    }

    public func waitForChange() async throws {
        guard let monitor else {
            // No inotify: wait for cancellation only.
            let (never, continuation) = AsyncStream<Void>.makeStream()
            defer { continuation.finish() }
            for await _ in never {}
            throw CancellationError()
        }
        monitor.watch(database.filesInUse)
        try await monitor.waitForChange()
    }

    public func watchFilesInUse() {
        monitor?.watch(database.filesInUse)
    }

    public func refresh() -> ZoneRulesChange? {
        _ = monitor?.takeChange()
        return database.refresh()
    }
}
