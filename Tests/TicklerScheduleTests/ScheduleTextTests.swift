import Synchronization
import Testing
import TicklerCalendar
import TicklerPlatform
import TicklerTestKit

@testable import TicklerSchedule

/// ``ScheduleText``: what a schedule was read from, made into the same schedule again (a daemon lets its schedule go
/// while a reload reads the new one, and makes it again when the new one is refused).
@Suite("ScheduleText")
struct ScheduleTextTests {
    static let main = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"
        remind = ["7d", "1d"]

        [[obligation]]
        id = "tet-greeting"
        title = "Thư chúc Tết gửi Quảng Tây"
        lunar = "12-20"
        calendar = "cn"

        [[obligation]]
        id = "labour-van-son"
        title = "Gia hạn thỏa thuận lao động với Văn Sơn"
        rrule = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1"
        start = "2014-12-01T09:00"
        timezone = "Asia/Shanghai"
        """
    static let dropIn = """
        [[obligation]]
        id = "weekly-report"
        title = "Báo cáo tuần"
        on-calendar = "Mon *-*-* 09:00"
        """

    /// Every obligation as it is planned and shown: id, title, zone, recurrence, leads, place, next three dues.
    static func summary(_ schedule: Schedule) -> [String] {
        schedule.obligations.map { obligation in
            var dues: [String] = []
            var after = TestSupport.instant("2026-12-01T00:00:00Z")
            for _ in 0..<3 {
                guard let next = obligation.nextDue(after: after) else { break }
                dues.append("\(next.microsecondsSinceEpoch)")
                after = next
            }
            return [
                obligation.id, obligation.title, obligation.zone.identifier, obligation.recurrenceDescription,
                "\(obligation.reminderLeads)", "\(obligation.source)", dues.joined(separator: ","),
            ].joined(separator: " | ")
        }
    }

    @Test func theKeptTextMakesTheSameScheduleAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write(Self.main, to: "schedule.toml")
        _ = try directory.write(Self.dropIn, to: "schedule.d/10-weekly.toml")
        let loader = ScheduleLoader(systemZone: .utc)
        let (schedule, text) = try loader.loadKeepingText(path: directory.path)
        let kept = try #require(text)
        #expect(kept.sources.map(\.path) == schedule.files)
        #expect(kept.sources.map(\.text) == [Self.main, Self.dropIn])
        #expect(kept.sources.map(\.isDropIn) == [false, true])
        let again = try kept.load()
        #expect(Self.summary(again) == Self.summary(schedule))
        #expect(Self.summary(again).count == 3)
        #expect(again.files == schedule.files)
        #expect(again.defaultZone == schedule.defaultZone)
        #expect(again.index(of: "weekly-report") == 2)
    }

    @Test func aTextIsKeptOnlyWhileTheFileIsWhatWasLoaded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Self.main, to: "schedule.toml")
        let read = [(file: path, fingerprint: ScheduleLoader.fingerprint(of: Self.main))]
        #expect(ScheduleLoader.sources(readAgain: read)?.map(\.text) == [Self.main])
        // One byte more, one byte changed, the file gone: the text loaded is no longer there to keep.
        _ = try directory.write(Self.main + "\n", to: "schedule.toml")
        #expect(ScheduleLoader.sources(readAgain: read) == nil)
        _ = try directory.write(String(Self.main.map { $0 == "0" ? "1" : $0 }), to: "schedule.toml")
        #expect(ScheduleLoader.sources(readAgain: read) == nil)
        directory.remove()
        #expect(ScheduleLoader.sources(readAgain: read) == nil)
    }

    @Test func theZonesAreTheOnesTheScheduleWasMadeWith() throws {
        let hanoi = try ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh")
        let shanghai = try ZoneDatabase.shared.rules(for: "Asia/Shanghai")
        let bangkok = try ZoneDatabase.shared.rules(for: "Asia/Bangkok")
        let zones = ChangingZones(InMemoryZoneSource([hanoi, shanghai], system: bangkok))
        // The main file names no zone: its obligation takes the system zone. The drop-in's take its own defaults'.
        let sources = [
            ScheduleSource(
                path: "schedule.toml",
                text: "[[obligation]]\nid = \"no-zone\"\ntitle = \"T\"\nonce = 2027-01-01T09:00:00\n"
            ),
            ScheduleSource(path: "schedule.d/a.toml", text: Self.main, isDropIn: true),
        ]
        let (schedule, kept) = try ScheduleLoader(zones: zones).loadKeepingText(sources: sources)
        #expect(schedule.obligations.map(\.zone.identifier) == ["Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Shanghai"])
        // The database refreshed meanwhile: Shanghai gone, the system zone now UTC. The schedule made again has the
        // zones the first was made with, as the schedule in force had.
        zones.replace(with: InMemoryZoneSource([hanoi], system: .utc))
        #expect(throws: ScheduleLoadError.self) { try ScheduleLoader(zones: zones).load(sources: sources) }
        let again = try kept.load()
        #expect(again.obligations.map(\.zone) == schedule.obligations.map(\.zone))
        #expect(Self.summary(again) == Self.summary(schedule))
    }
}

/// A zone source whose zones a test replaces, as a refreshed zone database changes.
private final class ChangingZones: ZoneSource {
    private let current: Mutex<InMemoryZoneSource>

    init(_ zones: InMemoryZoneSource) { current = Mutex(zones) }

    func replace(with zones: InMemoryZoneSource) { current.withLock { $0 = zones } }

    func rules(for identifier: String) throws(UnknownTimeZone) -> ZoneRules {
        try current.withLock { $0 }.rules(for: identifier)
    }

    func systemRules() -> ZoneRules { current.withLock { $0.system } }
}
