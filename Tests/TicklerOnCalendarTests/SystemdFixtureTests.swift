import Foundation
import Testing
import TicklerCalendar
import TicklerOnCalendar
import TicklerPlatform

/// One case of Fixtures/systemd-calendar.jsonl, made by make-systemd-fixtures.py with systemd-analyze 252.
struct SystemdCase: Decodable, Sendable, CustomTestStringConvertible {
    let tz: String
    let spec: String
    let base: Int64
    let valid: Bool
    let normalized: String?
    let next: [Int64]?
    /// systemd accepted the spec but gave up computing (its "infinite loop" safety valve).
    var failed: Bool? = nil

    var testDescription: String { "TZ=\(tz) '\(spec)' @\(base)" }

    /// Every case of the fixture file.
    static let all: [SystemdCase] = {
        guard
            let url = Bundle.module.url(
                forResource: "systemd-calendar",
                withExtension: "jsonl",
                subdirectory: "Fixtures"
            ),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { try? decoder.decode(SystemdCase.self, from: Data($0.utf8)) }
    }()
}

@Suite("OnCalendar against systemd-analyze 252")
struct SystemdFixtureTests {
    @Test func fixtureIsPresent() {
        #expect(SystemdCase.all.count > 500)
        #expect(SystemdCase.all.contains { !$0.valid })
    }

    @Test(arguments: SystemdCase.all)
    func sameElapsesAsSystemd(_ fixture: SystemdCase) throws {
        guard fixture.valid else {
            #expect(throws: CalendarEventError.self) {
                try CalendarEvent(parsing: fixture.spec, zones: ZoneDatabase.shared)
            }
            return
        }
        let event = try CalendarEvent(parsing: fixture.spec, zones: ZoneDatabase.shared)
        let zone = try ZoneDatabase.shared.rules(for: fixture.tz)
        let recurrence = CalendarEventRecurrence(event: event, zone: zone)
        if fixture.failed == true {
            // systemd prints nothing when one of the elapses fails; the sequence must end early here too.
            #expect(recurrence.occurrences(after: Instant(secondsSinceEpoch: fixture.base), limit: 8).count < 8)
            return
        }
        #expect(event.description == fixture.normalized)
        let expected = fixture.next ?? []
        let elapses = recurrence.occurrences(after: Instant(secondsSinceEpoch: fixture.base), limit: 8)
        #expect(elapses.map(\.secondsSinceEpoch) == expected)
    }
}
