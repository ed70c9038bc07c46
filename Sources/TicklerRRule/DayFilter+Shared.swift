import Synchronization

extension DayFilter {
    /// What a filter is made of: the day parts of a rule, with DTSTART's defaults filled in.
    struct Parts: Hashable {
        let months: [Int]
        let byDay: [RecurrenceRule.WeekdayNumber]
        let monthDays: [Int]
        let yearDays: [Int]
        let weeks: [Int]
        let ordinalsInYear: Bool
    }

    /// The filters made so far, by their parts, at most ``sharedCapacity``.
    private static let made = Mutex<[Parts: DayFilter]>([:])

    /// The most filters kept: far more than the distinct day parts of a real schedule.
    static let sharedCapacity = 1024

    /// The filter of `parts`, made once and shared by every plan with the same parts: a register of agreements
    /// repeats a few rules, each from a start of its own, and making one filter's month masks took about 58,000
    /// instructions and six arrays (some 600 bytes) a plan.
    static func shared(_ parts: Parts) -> DayFilter {
        if let filter = made.withLock({ $0[parts] }) { return filter }
        let filter = DayFilter(parts)
        made.withLock { kept in
            if kept.count < sharedCapacity { kept[parts] = filter }
        }
        return filter
    }
}
