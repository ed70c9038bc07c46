import Foundation
import TicklerCalendar
import TicklerLunar

/// Compares Tickler's lunisolar conversions with Foundation's `Calendar(identifier: .chinese)` and prints the figures.
///
/// Both sides convert the same `iterations` pseudo-random dates of 1900–2100, each way; the one-time cost of
/// building Tickler's month tables (both calendars, 1800–2300) is measured first and separately.
func runLunarBenchmark(iterations: Int = 100_000) {
    let clock = ContinuousClock()
    let build = clock.measure {
        _ = LunisolarCalendar.vietnamese.lunarDate(for: CivilDate(unchecked: 2000, 1, 1))
        _ = LunisolarCalendar.chinese.lunarDate(for: CivilDate(unchecked: 2000, 1, 1))
    }
    print("lunar: month tables of both calendars built on first use in \(milliseconds(build)) ms")

    // Deterministic dates: a linear congruential walk over 1900-01-31 … 2100-12-31.
    let first = CivilDate(unchecked: 1900, 1, 31).daysSinceEpoch
    let span = UInt64(CivilDate(unchecked: 2100, 12, 31).daysSinceEpoch - first)
    var state: UInt64 = 0x2027_0206
    let dates = (0..<iterations).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return CivilDate(daysSinceEpoch: first + Int((state >> 33) % span))
    }
    let calendar = LunisolarCalendar.chinese
    var foundation = Calendar(identifier: .chinese)
    foundation.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    let instants = dates.map { Date(timeIntervalSince1970: Double($0.daysSinceEpoch) * 86_400 + 4 * 3600) }

    var checksum = 0
    var lunarDates: [LunarDate] = []
    lunarDates.reserveCapacity(iterations)
    let ticklerForward = clock.measure {
        for date in dates { lunarDates.append(calendar.lunarDate(for: date)!) }
    }
    var components: [DateComponents] = []
    components.reserveCapacity(iterations)
    let foundationForward = clock.measure {
        for instant in instants {
            components.append(foundation.dateComponents([.era, .year, .month, .day, .isLeapMonth], from: instant))
        }
    }
    let ticklerBackward = clock.measure {
        for lunar in lunarDates { checksum &+= calendar.civilDate(for: lunar)!.day }
    }
    let foundationBackward = clock.measure {
        for component in components {
            checksum &+= foundation.date(from: component).map { Int($0.timeIntervalSince1970) } ?? 0
        }
    }

    report("Gregorian → lunar", iterations, tickler: ticklerForward, foundation: foundationForward)
    report("lunar → Gregorian", iterations, tickler: ticklerBackward, foundation: foundationBackward)
    print("lunar: checksum \(checksum & 0xFFFF)")
}

/// One line: per-operation times of both and the ratio.
private func report(_ name: String, _ iterations: Int, tickler: Duration, foundation: Duration) {
    let mine = nanoseconds(tickler) / Double(iterations)
    let theirs = nanoseconds(foundation) / Double(iterations)
    let line =
        "lunar: \(name): \(iterations) conversions; Tickler \(format(mine)) ns/op, "
        + "Foundation .chinese \(format(theirs)) ns/op, Tickler \(format(theirs / mine))× faster"
    print(line)
}

/// A duration in nanoseconds.
private func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

/// A duration in milliseconds, one decimal.
private func milliseconds(_ duration: Duration) -> String { format(nanoseconds(duration) / 1e6) }

/// One decimal place.
private func format(_ value: Double) -> String { String(format: "%.1f", value) }
