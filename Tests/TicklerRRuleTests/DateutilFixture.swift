import Foundation
import Testing
import TicklerCalendar
import TicklerRRule

/// One rule of Fixtures/dateutil-fixtures.txt with what python-dateutil made of it (see make-dateutil-fixtures.py).
struct DateutilFixture: Sendable, CustomTestStringConvertible {
    /// The RRULE text.
    let rule: String
    /// DTSTART, a floating time expanded here in UTC.
    let start: LocalDateTime
    /// The first occurrences, seconds since 1970.
    let occurrences: [Int64]
    /// `after` queries: x and up to five occurrences strictly after it.
    let afters: [(after: Int64, next: [Int64])]
    /// The line of the R record, for messages.
    let line: Int

    var testDescription: String { "line \(line): \(rule) from \(start)" }

    /// Every record of Fixtures/dateutil-fixtures.txt.
    static let all = load("dateutil-fixtures")

    /// Every record of Fixtures/dateutil-count-fixtures.txt: large COUNTs asked long after DTSTART.
    static let counted = load("dateutil-count-fixtures")

    /// Every record of the fixture file `name`.txt.
    private static func load(_ name: String) -> [DateutilFixture] {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var result: [DateutilFixture] = []
        var current: (rule: String, start: LocalDateTime, line: Int)?
        var occurrences: [Int64] = []
        var afters: [(Int64, [Int64])] = []
        func flush() {
            if let current {
                result.append(
                    .init(
                        rule: current.rule,
                        start: current.start,
                        occurrences: occurrences,
                        afters: afters,
                        line: current.line
                    )
                )
            }
            occurrences = []
            afters = []
        }
        for (index, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: " ")
            switch fields.first {
            case "R":
                flush()
                current = (String(fields[1]), basicLocal(fields[2]), index + 1)
            case "O": occurrences = fields.dropFirst().compactMap { Int64($0) }
            case "A":
                let numbers = fields.dropFirst().compactMap { Int64($0) }
                afters.append((numbers[0], Array(numbers.dropFirst())))
            default: continue
            }
        }
        flush()
        return result
    }

    /// `YYYYMMDDTHHMMSS`.
    private static func basicLocal(_ text: Substring) -> LocalDateTime {
        let digits = text.filter(\.isNumber).map { Int(String($0))! }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        return LocalDateTime(
            date: CivilDate(year: number(0..<4), month: number(4..<6), day: number(6..<8))!,
            time: TimeOfDay(hour: number(8..<10), minute: number(10..<12), second: number(12..<14))!
        )
    }
}
