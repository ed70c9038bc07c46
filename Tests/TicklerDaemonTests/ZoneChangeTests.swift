import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerPlatform
import TicklerSchedule
import TicklerTestKit

/// A zone watch that never wakes the daemon by itself: changes reach it only through a reload.
struct ReloadOnlyZoneWatch: ZoneChangeWatch {
    let database: ZoneDatabase

    func waitForChange() async throws {
        let (never, continuation) = AsyncStream<Void>.makeStream()
        defer { continuation.finish() }
        for await _ in never {}
        throw CancellationError()
    }

    func refresh() -> ZoneRulesChange? { database.refresh() }

    func watchFilesInUse() {}
}

/// The daemon follows `timedatectl set-timezone` and tzdata updates, on a zone database of the test's own.
@Suite("Time-zone changes", .timeLimit(.minutes(1)))
struct ZoneChangeTests {
    /// 1 December 2029, midnight UTC: a month before the obligations below.
    static let start = ZonedDateTime(iso: "2029-12-01T00:00:00Z")!.instant

    /// A daemon on `schedule` (one file) whose zones come from `zoneInfo`, watched by `watch`.
    static func daemon(
        _ schedule: String,
        zoneInfo: TemporaryZoneInfo,
        files: TemporaryDirectory,
        watch: (ZoneDatabase) -> any ZoneChangeWatch
    ) async throws -> DaemonHarness {
        try files.write(schedule, to: "config/schedule.toml")
        let database = zoneInfo.database()
        let daemon = DaemonHarness(
            schedule: ConfigurationSchedule(path: files.file("config"), loader: ScheduleLoader(zones: database)),
            clock: ManualWallClock(start),
            stateDirectory: files.file("state"),
            zoneWatch: watch(database)
        )
        await daemon.started()
        return daemon
    }

    /// Waits for the status the daemon sends after handling a change, and for its next sleep.
    static func waitForReplan(_ daemon: DaemonHarness, statuses: Int, sleeps: Int) async {
        await daemon.notifier.waitForStatus(after: statuses)
        await daemon.clock.waitForSleeper(count: sleeps + 1)
    }

    static let letter = """
        [[obligation]]
        id = "new-year-letter"
        title = "Thư chúc mừng năm mới"
        once = "2030-01-01"
        remind = ["7d"]
        """

    @Test func aNewSystemZoneIsNoticedAtOnceAndThePlanFollowsIt() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        let files = try TemporaryDirectory()
        defer {
            zoneInfo.remove()
            files.remove()
        }
        let daemon = try await Self.daemon(Self.letter, zoneInfo: zoneInfo, files: files) {
            SystemZoneWatch(database: $0)
        }
        // 2030-01-01 08:00 in Hanoi (+07): the reminder a week before, at 01:00 UTC.
        #expect(daemon.clock.pendingDeadlines == [ZonedDateTime(iso: "2029-12-25T01:00:00Z")!.instant])

        let (statuses, sleeps) = (daemon.notifier.statuses.count, daemon.clock.sleepCalls)
        zoneInfo.setSystemZone("Europe/Berlin")
        await Self.waitForReplan(daemon, statuses: statuses, sleeps: sleeps)

        let changed = try #require(daemon.sink.events(of: .zoneChanged).only)
        #expect(
            changed.message
                == "zone changed: system time zone changed from Asia/Ho_Chi_Minh to Europe/Berlin; "
                + "planning again with the new rules"
        )
        #expect(changed.kind.priority == .notice)
        // 08:00 in Berlin (+01 in winter).
        #expect(daemon.clock.pendingDeadlines == [ZonedDateTime(iso: "2029-12-25T07:00:00Z")!.instant])
        await daemon.advance(to: ZonedDateTime(iso: "2029-12-25T07:00:00Z")!.instant)
        let reminder = try #require(daemon.sink.firings.only)
        #expect(reminder.due == "2030-01-01T08:00:00+01:00")
        try await daemon.stop()
    }

    @Test func newRulesForAZoneInUseAreNoticedAtOnce() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        let files = try TemporaryDirectory()
        defer {
            zoneInfo.remove()
            files.remove()
        }
        let schedule = Self.letter + "\ntimezone = \"Europe/Berlin\"\n"
        let daemon = try await Self.daemon(schedule, zoneInfo: zoneInfo, files: files) { SystemZoneWatch(database: $0) }
        #expect(daemon.clock.pendingDeadlines == [ZonedDateTime(iso: "2029-12-25T07:00:00Z")!.instant])

        let (statuses, sleeps) = (daemon.notifier.statuses.count, daemon.clock.sleepCalls)
        // A tzdata update that moved Berlin to Moscow's offset (+03).
        zoneInfo.install("Europe/Berlin", from: "Europe/Moscow")
        await Self.waitForReplan(daemon, statuses: statuses, sleeps: sleeps)

        let changed = try #require(daemon.sink.events(of: .zoneChanged).only)
        #expect(changed.message == "zone changed: new rules for Europe/Berlin; planning again with the new rules")
        #expect(daemon.clock.pendingDeadlines == [ZonedDateTime(iso: "2029-12-25T05:00:00Z")!.instant])
        try await daemon.stop()
    }

    @Test func aFileBesideTheZonesInUseWakesNothing() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Asia/Tokyo"], systemZone: "Asia/Ho_Chi_Minh")
        let files = try TemporaryDirectory()
        defer {
            zoneInfo.remove()
            files.remove()
        }
        let daemon = try await Self.daemon(Self.letter, zoneInfo: zoneInfo, files: files) {
            SystemZoneWatch(database: $0)
        }
        let (statuses, sleeps) = (daemon.notifier.statuses.count, daemon.clock.sleepCalls)
        // Tokyo is in the watched directory but not in use; then the link is set to what it already is.
        zoneInfo.install("Asia/Tokyo", from: "Europe/Moscow")
        zoneInfo.setSystemZone("Asia/Ho_Chi_Minh")
        await Self.waitForReplan(daemon, statuses: statuses, sleeps: sleeps)
        #expect(daemon.sink.events(of: .zoneChanged).isEmpty, "the link was rewritten, but to the same rules")
        #expect(daemon.sink.events(of: .reloaded).isEmpty)
        #expect(daemon.clock.pendingDeadlines == [ZonedDateTime(iso: "2029-12-25T01:00:00Z")!.instant])
        try await daemon.stop()
    }

    @Test func aReloadPicksUpAChangeThatWasNotNoticed() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["Asia/Ho_Chi_Minh", "Europe/Berlin"], systemZone: "Asia/Ho_Chi_Minh")
        let files = try TemporaryDirectory()
        defer {
            zoneInfo.remove()
            files.remove()
        }
        let daemon = try await Self.daemon(Self.letter, zoneInfo: zoneInfo, files: files) {
            ReloadOnlyZoneWatch(database: $0)
        }
        zoneInfo.setSystemZone("Europe/Berlin")
        await daemon.reload()
        #expect(daemon.sink.events(of: .zoneChanged).count == 1)
        #expect(daemon.clock.pendingDeadlines == [ZonedDateTime(iso: "2029-12-25T07:00:00Z")!.instant])
        try await daemon.stop()
    }
}
