import Testing
import TicklerCalendar
import TicklerTestKit

@testable import TicklerSchedule

/// The descriptions of `every` recurrences and the `until` suffixes, written at once, against the plain joined
/// form, down to the longest fields representable.
@Suite("Recurrence descriptions")
struct RecurrenceTextTests {
    @Test func knownForms() {
        let start = LocalDateTime(date: CivilDate(unchecked: 2014, 12, 15), time: TimeOfDay(unchecked: 8, 0, 0))
        let endOfDay = TimeOfDay(unchecked: 23, 59, 59, 999_999)
        let until = LocalDateTime(date: CivilDate(unchecked: 2034, 12, 31), time: endOfDay)
        #expect(
            RecurrenceBuilder.everyText(Period(1, .year), from: start, until: nil) == "every 1y from 2014-12-15 08:00"
        )
        #expect(
            RecurrenceBuilder.everyText(Period(90, .minute), from: start, until: until)
                == "every 90min from 2014-12-15 08:00 until 2034-12-31"
        )
        #expect(RecurrenceBuilder.untilText(nil) == "")
        #expect(RecurrenceBuilder.untilText(start) == " until 2014-12-15 08:00")
        #expect(Period.zero.description == "0")
        #expect(Period(Int.min, .minute).description == "-9223372036854775808min")
        let longest = LocalDateTime(date: CivilDate(unchecked: Int.min, 1, 1), time: TimeOfDay(unchecked: 23, 59, 59))
        #expect(
            RecurrenceBuilder.everyText(Period(Int.min, .minute), from: longest, until: longest)
                == "every -9223372036854775808min from -2147483648-01-01 23:59:59"
                + " until -2147483648-01-01 23:59:59"
        )
    }

    @Test func randomFieldsMatchThePlainForm() {
        var random = SeededRandom(seed: 0xE7E5_7E47)
        func local() -> LocalDateTime {
            let year =
                Bool.random(using: &random)
                ? Int.random(in: 1...9999, using: &random) : Int.random(in: Int.min...Int.max, using: &random)
            let wholeDay = Int.random(in: 0..<4, using: &random) == 0
            return LocalDateTime(
                date: CivilDate(
                    unchecked: year,
                    Int.random(in: 1...12, using: &random),
                    Int.random(in: 1...31, using: &random)
                ),
                time: wholeDay
                    ? TimeOfDay(unchecked: 23, 59, 59, 999_999)
                    : TimeOfDay(
                        unchecked: Int.random(in: 0..<24, using: &random),
                        Int.random(in: 0..<60, using: &random),
                        Bool.random(using: &random) ? 0 : Int.random(in: 0..<60, using: &random)
                    )
            )
        }
        for _ in 0..<20_000 {
            let count =
                Bool.random(using: &random)
                ? Int.random(in: 0...1000, using: &random) : Int.random(in: Int.min...Int.max, using: &random)
            let period = Period(count, Period.Unit.allCases.randomElement(using: &random)!)
            let start = local()
            let until = Bool.random(using: &random) ? local() : nil
            #expect(period.description == (count == 0 ? "0" : "\(count)\(period.unit.rawValue)"))
            #expect(RecurrenceBuilder.untilText(until) == Self.plainUntil(until))
            #expect(
                RecurrenceBuilder.everyText(period, from: start, until: until)
                    == "every \(period) from \(start.shortDescription)" + Self.plainUntil(until)
            )
        }
    }

    /// The `until` suffix as joined strings.
    private static func plainUntil(_ until: LocalDateTime?) -> String {
        guard let until else { return "" }
        let wholeDay = until.time == TimeOfDay(unchecked: 23, 59, 59, 999_999)
        return " until " + (wholeDay ? until.date.description : until.shortDescription)
    }
}
