import Testing
import TicklerCalendar
import TicklerTestKit

/// Dates and times are stored in eight bytes each: they are held by every recurrence, due time and occurrence key.
@Suite("Compact dates and times")
struct CompactDateTests {
    @Test func datesTimesAndWallClockTimesAreEightAndSixteenBytes() {
        #expect(MemoryLayout<CivilDate>.stride == 8)
        #expect(MemoryLayout<TimeOfDay>.stride == 8)
        #expect(MemoryLayout<LocalDateTime>.size == 16)
    }

    @Test func everyPartReadsBackAsWritten() {
        var random = SeededRandom(seed: 0xDA7E)
        for _ in 0..<20_000 {
            let days = Int.random(in: -800_000_000...800_000_000, using: &random)
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect((1...12).contains(date.month) && (1...31).contains(date.day))
            let microseconds = Int64.random(in: 0..<86_400_000_000, using: &random)
            let time = TimeOfDay(microsecondsSinceMidnight: microseconds)
            #expect(time.microsecondsSinceMidnight == microseconds)
        }
        let last = TimeOfDay(unchecked: 23, 59, 59, 999_999)
        #expect((last.hour, last.minute, last.second, last.microsecond) == (23, 59, 59, 999_999))
    }

    @Test func partsBeyondTheirStorageAreClampedNotTrapped() {
        let date = CivilDate(unchecked: Int.max, 300, -1)
        #expect((date.year, date.month, date.day) == (Int(Int32.max), 255, 0))
        #expect(CivilDate(unchecked: Int.min, 1, 1).year == Int(Int32.min))
        let time = TimeOfDay(unchecked: 1000, -5, 61, Int.max)
        #expect((time.hour, time.minute, time.second, time.microsecond) == (255, 0, 61, Int(UInt32.max)))
    }
}
