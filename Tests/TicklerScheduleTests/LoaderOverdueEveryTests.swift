import Testing
import TicklerCalendar
import TicklerSchedule

/// `overdue-every` has a floor: a repeat every second makes 2,592,000 overdue entries in the 30-day window of
/// each due time. `"0"` (no repeats) and one minute or more load; less is refused with the floor named, in an
/// obligation and in `[defaults]`.
@Suite struct LoaderOverdueEveryTests {
    private func obligation(_ overdue: String) -> String {
        "[[obligation]]\nid = \"a\"\ntitle = \"a\"\nonce = \"2030-01-01\"\noverdue-every = \(overdue)\n"
    }

    @Test(arguments: ["\"1s\"", "\"59s\"", "\"30s\""])
    func tooShortIsRefused(_ overdue: String) {
        #expect(
            TestSupport.problems(obligation(overdue)) == [
                "\(TestSupport.path):5:1: obligation \"a\": key \"overdue-every\": must be at least 1min "
                    + "(or \"0\" for no overdue repeats)"
            ]
        )
    }

    @Test(arguments: [("\"0\"", 0), ("0", 0), ("\"60s\"", 60), ("\"1min\"", 60), ("\"1h\"", 3600)])
    func zeroAndAMinuteOrMoreLoad(_ overdue: String, seconds: Int64) throws {
        let schedule = try TestSupport.load(obligation(overdue))
        #expect(schedule.obligations[0].overdueEvery.seconds == seconds)
    }

    @Test func aDefaultBelowTheFloorIsRefusedWhereItIsWritten() {
        let text =
            "[defaults]\noverdue-every = \"1s\"\n\n[[obligation]]\nid = \"a\"\ntitle = \"a\"\nonce = \"2030-01-01\"\n"
        let problems = TestSupport.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(TestSupport.path):2:1: ") == true, "\(problems)")
        #expect(
            problems.first?.hasSuffix("key \"overdue-every\": must be at least 1min (or \"0\" for no overdue repeats)")
                == true
        )
    }
}
