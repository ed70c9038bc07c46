import Foundation
import Testing

/// `ticklerctl lunar` as a process: both directions, JSON, errors.
@Suite("ticklerctl lunar as a process", .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built"))
struct LunarProcessTests {
    @Test func tetOnBothSidesOfTheBorderIn2030() throws {
        let vietnam = try TicklerctlProcess.run(["lunar", "2030-02-02"])
        #expect(vietnam.status == 0)
        #expect(vietnam.output.contains("Lunar date: 01-01, year Canh Tuất (2030)"))
        let china = try TicklerctlProcess.run(["lunar", "2030-02-02", "--calendar", "chinese"])
        #expect(china.output.contains("Lunar date: 12-30, year 己酉 (2029)"))
    }

    @Test func jsonIsOneObject() throws {
        let result = try TicklerctlProcess.run(["lunar", "2027-04-05", "--calendar", "chinese", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["solarTerm"] as? String == "qingming")
        #expect((object["lunar"] as? [String: Any])?["yearName"] as? String == "丁未")
        #expect(object["utcOffset"] as? String == "+08:00")
    }

    @Test func toSolarWithLeapMonth() throws {
        let result = try TicklerctlProcess.run(["lunar", "--to-solar", "2025-06-15", "--leap", "--json"])
        #expect(result.status == 0)
        #expect(result.output.contains(#""gregorian":"2025-08-08""#))
    }

    @Test func impossibleLunarDateIsOneLineAndStatusOne() throws {
        let result = try TicklerctlProcess.run(["lunar", "--to-solar", "2027-13-01"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("ticklerctl: ") && result.error.filter { $0 == "\n" }.count == 1)
    }
}
