import Testing
import TicklerCalendar
import TicklerPlatform

@testable import TicklerControl

/// The fast line formatting of ``OccurrenceWriter`` against the slow reference, `ZonedDateTime.description`.
@Suite("OccurrenceWriter")
struct OccurrenceWriterTests {
    /// A small seeded generator (xorshift64*), so that a failure can be reproduced.
    struct SeededRandom: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed | 1 }

        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
    }

    /// Offsets east of UTC, in seconds: whole hours either side, half and quarter hours, and local mean times.
    static let offsets = [
        0, 3600, -3600, 7 * 3600, -5 * 3600, 14 * 3600, -12 * 3600, 5 * 3600 + 45 * 60, -(3 * 3600 + 30 * 60),
        5 * 3600 + 30 * 60, -(9 * 3600 + 30 * 60), 12 * 3600 + 45 * 60, 30, -1, 1 * 3600 + 39 * 60 + 49,
        -(4 * 3600 + 56 * 60 + 2), 25 * 3600, -(25 * 3600 + 59 * 60 + 59),
    ]

    /// What the writer produces for `instants`.
    static func written(_ instants: [Instant], zone: ZoneRules, json: Bool) -> String {
        var writer = OccurrenceWriter(sink: ByteArraySink(), zone: zone, json: json)
        var iterator = instants.makeIterator()
        let count = writer.write(&iterator, limit: .max, through: Instant(microsecondsSinceEpoch: .max))
        #expect(count == instants.count)
        writer.finish()
        return writer.sink.text
    }

    /// The reference text: each instant's `ZonedDateTime.description`, as lines or a JSON array.
    static func expected(_ instants: [Instant], zone: ZoneRules, json: Bool) -> String {
        let texts = instants.map { zone.zoned($0).description }
        guard json else { return texts.map { $0 + "\n" }.joined() }
        return texts.isEmpty ? "[]\n" : "[\n" + texts.map { "  \"\($0)\"" }.joined(separator: ",\n") + "\n]\n"
    }

    /// A random instant: a year from one of several ranges (before year 0, under 1000, four digits, five and six
    /// digits), any day and time of day, and a fraction of a second half of the time.
    static func randomInstant(_ generator: inout SeededRandom) -> Instant {
        let ranges = [-20_000 ... -1, 0...999, 1000...9999, 10_000...99_999, 100_000...200_000, 1960...2100]
        let year = Int.random(in: ranges.randomElement(using: &generator)!, using: &generator)
        let day = CivilDate(unchecked: year, 1, 1).daysSinceEpoch + Int.random(in: 0..<366, using: &generator)
        let second = Int64.random(in: 0..<86_400, using: &generator)
        let fraction = Bool.random(using: &generator) ? 0 : Int64.random(in: 1..<1_000_000, using: &generator)
        return Instant(microsecondsSinceEpoch: (Int64(day) * 86_400 + second) * 1_000_000 + fraction)
    }

    @Test(arguments: [false, true])
    func randomInstantsAndOffsetsMatchTheReference(json: Bool) {
        var generator = SeededRandom(seed: json ? 7 : 3)
        for offset in Self.offsets {
            let zone = ZoneRules.fixed(offsetSeconds: offset)
            let instants = (0..<2000).map { _ in Self.randomInstant(&generator) }
            let text = Self.written(instants, zone: zone, json: json)
            #expect(text == Self.expected(instants, zone: zone, json: json), "offset \(offset)")
        }
    }

    /// Increasing runs with steps of days, hours and odd microseconds, across month ends, leap days and years, so
    /// that the cached date is moved within a month and rebuilt across months.
    @Test(arguments: [0, 5 * 3600 + 45 * 60, -(3 * 3600 + 30 * 60)])
    func increasingRunsMatchTheReference(offset: Int) {
        var generator = SeededRandom(seed: UInt64(bitPattern: Int64(offset)))
        let steps: [Int64] = [
            86_400_000_000, 7 * 86_400_000_000, 3_600_000_000, 900_000_000, 86_400_000_001, 31 * 86_400_000_000,
            1, 999_999, 29 * 86_400_000_000 + 1_500_000,
        ]
        let zone = ZoneRules.fixed(offsetSeconds: offset)
        for _ in 0..<40 {
            var micros = Self.randomInstant(&generator).microsecondsSinceEpoch
            var instants: [Instant] = []
            for _ in 0..<500 {
                instants.append(Instant(microsecondsSinceEpoch: micros))
                micros += steps.randomElement(using: &generator)!
            }
            #expect(Self.written(instants, zone: zone, json: false) == Self.expected(instants, zone: zone, json: false))
        }
    }

    /// Days around the epoch, where the local day count changes sign, and the first day of the epoch itself.
    @Test func daysAroundTheEpochMatchTheReference() {
        let day: Int64 = 86_400_000_000
        let instants = stride(from: -3 * day, through: 3 * day, by: 3_599_999_999).map {
            Instant(microsecondsSinceEpoch: $0)
        }
        for offset in Self.offsets {
            let zone = ZoneRules.fixed(offsetSeconds: offset)
            #expect(Self.written(instants, zone: zone, json: false) == Self.expected(instants, zone: zone, json: false))
        }
        let zone = ZoneRules.utc
        let first = [Instant(microsecondsSinceEpoch: 0)]
        #expect(Self.written(first, zone: zone, json: false) == "1970-01-01T00:00:00+00:00\n")
    }

    /// A zone whose offset changes twice a year (and by 30 minutes at Lord Howe): the offset part follows it.
    @Test(arguments: ["America/New_York", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu"])
    func zonesWithTransitionsMatchTheReference(name: String) throws {
        let zone = try ZoneDatabase.shared.rules(for: name)
        var generator = SeededRandom(seed: 11)
        var micros = Int64(1_900_000_000) * 1_000_000
        var instants: [Instant] = []
        for _ in 0..<20_000 {
            instants.append(Instant(microsecondsSinceEpoch: micros))
            micros += Int64.random(in: 1...(3 * 86_400_000_000), using: &generator)
        }
        for json in [false, true] {
            #expect(Self.written(instants, zone: zone, json: json) == Self.expected(instants, zone: zone, json: json))
        }
    }

    @Test(arguments: [false, true])
    func anEmptyListIsEmptyOrAnEmptyArray(json: Bool) {
        #expect(Self.written([], zone: .utc, json: json) == (json ? "[]\n" : ""))
    }

    /// Output larger than a chunk arrives whole, and single writes and batches continue one JSON array.
    @Test func chunksAndSeparateWritesJoinUp() {
        let zone = ZoneRules.fixed(offsetSeconds: 7 * 3600)
        let instants = (0..<20_000).map { Instant(secondsSinceEpoch: 1_800_000_000 + Int64($0) * 3_601) }
        var writer = OccurrenceWriter(sink: ByteArraySink(), zone: zone, json: true)
        writer.write(instants[0])
        var rest = instants.dropFirst().makeIterator()
        #expect(writer.write(&rest, limit: .max, through: Instant(microsecondsSinceEpoch: .max)) == instants.count - 1)
        writer.finish()
        #expect(writer.sink.bytes.count > 4 * OccurrenceWriter<ByteArraySink>.chunkSize)
        #expect(writer.sink.text == Self.expected(instants, zone: zone, json: true))
    }

    /// The limit and the last instant end the list, and later writes go on after it.
    @Test func limitAndLastInstantEndTheList() {
        let instants = (0..<10).map { Instant(secondsSinceEpoch: Int64($0) * 86_400) }
        var writer = OccurrenceWriter(sink: ByteArraySink(), zone: .utc, json: false)
        var iterator = instants.makeIterator()
        #expect(writer.write(&iterator, limit: 3, through: instants[9]) == 3)
        #expect(writer.write(&iterator, limit: 100, through: instants[5]) == 3)
        #expect(writer.write(&iterator, limit: 0, through: instants[9]) == 0)
        #expect(writer.sink.text == Self.expected(Array(instants[0..<6]), zone: .utc, json: false))
    }
}
