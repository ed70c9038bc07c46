import Foundation
import Testing
import TicklerCalendar
import TicklerSchedule

/// The sample configuration in Config/ loads without a problem and holds the seed's obligations.
@Suite("Sample configuration")
struct SampleConfigTests {
    /// Config/ of this checkout, found from this file's path.
    static let configDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config").path

    static let sampleIDs = [
        "national-day-greetings-yunnan", "national-day-greetings-guangxi", "national-day-greetings-van-son",
        "national-day-greetings-bach-sac", "national-day-invitations", "new-year-greetings",
        "guangxi-scholarship-intake", "bach-sac-scholarship-offer", "labour-agreement-van-son",
        "labour-agreement-bach-sac", "sister-clusters-anniversary", "education-conference-report",
        "cadre-training-bach-sac",
    ]

    @Test("Config/schedule.toml: the 13 obligations of the seed, in order")
    func mainFile() throws {
        let schedule = try TestSupport.loader.load(path: Self.configDirectory + "/schedule.toml")
        #expect(schedule.ids == Self.sampleIDs)
        #expect(schedule.obligations.allSatisfy { $0.zone.identifier == "Asia/Ho_Chi_Minh" })
        let agreement = try #require(schedule["labour-agreement-van-son"])
        #expect(agreement.title == "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn")
        #expect(agreement.recurrenceDescription == "every 5y from 2014-12-15 08:00")
        #expect(
            TestSupport.dues(agreement, after: "2026-01-01T00:00:00Z", count: 2) == [
                "2029-12-15T08:00:00+07:00", "2034-12-15T08:00:00+07:00",
            ]
        )
        // 24 September 2028 is a Sunday: the letter to Yunnan is due on Friday the 22nd.
        let yunnan = try #require(schedule["national-day-greetings-yunnan"])
        #expect(
            TestSupport.dues(yunnan, after: "2027-01-01T00:00:00Z", count: 2) == [
                "2027-09-24T08:00:00+07:00", "2028-09-22T08:00:00+07:00",
            ]
        )
    }

    @Test("Config/ as a directory, with every drop-in, loads without a problem")
    func wholeDirectory() throws {
        let schedule = try TestSupport.loader.load(path: Self.configDirectory)
        let dropIns = schedule.files.dropFirst()
        var dropInCount = 0
        for file in dropIns { dropInCount += try TestSupport.loader.load(path: file).count }
        #expect(schedule.files.first == Self.configDirectory + "/schedule.toml")
        #expect(schedule.count == Self.sampleIDs.count + dropInCount)
        #expect(Array(schedule.ids.prefix(Self.sampleIDs.count)) == Self.sampleIDs)
        #expect(
            schedule.obligations.allSatisfy { $0.nextDue(after: TestSupport.instant("2026-11-29T00:00:00Z")) != nil }
        )
    }
}
