import Foundation
import Testing
import TicklerCalendar

/// Reads the reference files in `Fixtures/` (made by `Fixtures/make-fixtures.py`).
enum Fixture {
    /// The non-empty lines of a fixture file.
    static func lines(_ name: String) throws -> [Substring] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n")
    }

    /// One line of a month-start file: `1985-01-21 1985-01` or `1984-11-23 1984-10L`.
    struct MonthStart: Hashable, CustomStringConvertible {
        let firstDay: CivilDate
        let year: Int
        let month: Int
        let isLeap: Bool

        var description: String { "\(firstDay) \(year)-\(month)\(isLeap ? "L" : "")" }
    }

    /// The month starts of a calendar, in order.
    static func monthStarts(_ name: String) throws -> [MonthStart] {
        try lines(name).map { line in
            let parts = line.split(separator: " ")
            let lunar = parts[1].split(separator: "-")
            return MonthStart(
                firstDay: try #require(CivilDate(iso: parts[0])),
                year: try #require(Int(lunar[0])),
                month: try #require(Int(lunar[1].prefix(2))),
                isLeap: lunar[1].hasSuffix("L")
            )
        }
    }
}
