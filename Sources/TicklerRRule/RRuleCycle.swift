/// How the candidates of a rule repeat, so that whole stretches of them can be counted without being listed.
///
/// Every ``periods`` periods the wall-clock candidates (BYSETPOS applied) recur ``shift`` local seconds later:
/// the Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks), so a day-level pattern
/// repeats within that; a pattern of times without a day-level part repeats within a day (or a number of steps).
struct RRuleCycle: Sendable {
    /// Periods in one cycle.
    let periods: Int
    /// Wall-clock seconds from the start of one cycle to the start of the next.
    let shift: Int64
    /// Candidates of one whole cycle, BYSETPOS applied.
    let candidates: Int
    /// Candidates of period 0 that lie before the start (DTSTART), which the expansion drops.
    let dropped: Int
    /// Periods in one block: a cycle is cut into at most 64 blocks, so that a query skips whole blocks too and
    /// lists at most one block's periods before its own.
    let blockPeriods: Int
    /// `blockCounts[j]`: the candidates of a cycle's first `j` blocks (the last entry is ``candidates``).
    let blockCounts: [Int]

    /// How many blocks a cycle of `periods` periods is cut into, and their length.
    static func blocks(of periods: Int) -> (count: Int, length: Int) {
        let length = max(1, (periods + 63) / 64)
        return ((periods + length - 1) / length, length)
    }

    /// The most work (periods loaded plus candidates listed) that counting one cycle may take; a rule whose cycle
    /// costs more is not counted in bulk (see ``RecurrenceRule/largestCountWithoutCycle``).
    static let budget = 1 << 19
}
