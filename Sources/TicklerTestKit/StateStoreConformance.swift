import Testing
import TicklerCalendar
import TicklerState

/// The checks every `StateStore` implementation must pass: first-seen times, fired keys, the checkpoint,
/// transactions, occurrence records with compare-and-set transitions and their actions, and that a store opened
/// again keeps everything.
///
/// A test target runs every check against every factory, parameterised:
///
/// ```swift
/// @Test(arguments: [SQLiteFactory(), InMemoryStateStoreFactory()] as [any StateStoreFactory],
///       StateStoreConformance.checks)
/// func conformance(_ factory: any StateStoreFactory, _ check: StateStoreConformance.Check) async throws {
///     try await check.run(on: factory)
/// }
/// ```
public enum StateStoreConformance {
    /// One named check of a store's promises.
    public struct Check: Sendable, CustomStringConvertible {
        /// What the check asserts.
        public let description: String
        private let body: @Sendable (any StateStore, any StateStoreLocation) async throws -> Void

        /// A check named `description` running `body` on a freshly opened, empty store and its location.
        init(
            _ description: String,
            _ body: @escaping @Sendable (any StateStore, any StateStoreLocation) async throws -> Void
        ) {
            self.description = description
            self.body = body
        }

        /// Runs the check on a new, empty store of `factory`'s kind, and removes it afterwards.
        /// - Throws: when the store throws where it should not; failed expectations are recorded as issues.
        public func run(on factory: any StateStoreFactory) async throws {
            let location = try factory.makeLocation()
            defer { location.remove() }
            try await body(try await location.open(), location)
        }
    }

    /// Every check, in a stable order.
    public static let checks: [Check] =
        [
            Check("an empty store holds nothing", emptyStoreHoldsNothing),
            Check("a first-seen time is recorded once and kept", firstSeenIsRecordedOnceAndKept),
            Check("the first first-seen record starts the checkpoint", firstRecordStartsTheCheckpoint),
            Check("fired keys are found among a batch", firedKeysAmongABatch),
            Check("an event recorded twice keeps its first fire time", eventRecordedTwiceKeepsItsFirstFireTime),
            Check("the checkpoint follows each record, also backwards", checkpointFollowsEachRecord),
            Check("events and the checkpoint are recorded together", eventsAndCheckpointAreRecordedTogether),
            Check("the history lists fired events by fire time", historyListsFiredEventsByFireTime),
            Check("the latest firing is the greatest fire time kept", latestFiringIsTheGreatestFireTimeKept),
            Check("a store opened again keeps everything", reopenedStoreKeepsEverything),
            Check("a lead's spelling does not change a stage", leadSpellingDoesNotChangeTheStage),
        ] + occurrenceChecks

    /// 15 January 2027, 08:00 UTC: the instant the checks start from.
    static let t0 = Instant(secondsSinceEpoch: 1_800_000_000)

    /// `t0` plus `hours`.
    static func at(_ hours: Int64) -> Instant { t0.adding(seconds: hours * 3600) }

    /// The key of `stage` of `obligationID` due `hours` after `t0`.
    static func key(_ obligationID: String, _ hours: Int64, _ stage: String) -> EventKey {
        EventKey(obligationID: obligationID, due: at(hours), stage: stage)
    }

    static func emptyStoreHoldsNothing(_ store: any StateStore, _: any StateStoreLocation) async throws {
        #expect(try await store.firstSeen().isEmpty)
        #expect(try await store.checkpoint() == nil)
        #expect(try await store.firedEvents().isEmpty)
        #expect(try await store.fired(among: [key("a", 0, "due")]).isEmpty)
        #expect(try await store.fired(among: []).isEmpty)
    }

    static func firstSeenIsRecordedOnceAndKept(_ store: any StateStore, _: any StateStoreLocation) async throws {
        #expect(try await store.recordFirstSeen(["a", "b"], at: at(0)) == ["a": at(0), "b": at(0)])
        #expect(try await store.recordFirstSeen(["b", "c"], at: at(1)) == ["b": at(0), "c": at(1)])
        // An id seen again after a long absence, and an earlier instant, change nothing.
        #expect(try await store.recordFirstSeen(["a"], at: at(-5)) == ["a": at(0)])
        #expect(try await store.recordFirstSeen([], at: at(2)).isEmpty)
        #expect(try await store.firstSeen() == ["a": at(0), "b": at(0), "c": at(1)])
    }

    static func firstRecordStartsTheCheckpoint(_ store: any StateStore, _: any StateStoreLocation) async throws {
        _ = try await store.recordFirstSeen(["a"], at: at(0))
        #expect(try await store.checkpoint() == at(0))
        // Later first-seen records leave the checkpoint where the events left it.
        _ = try await store.recordFirstSeen(["b"], at: at(3))
        #expect(try await store.checkpoint() == at(0))
        try await store.record(fired: [], checkpoint: at(5))
        _ = try await store.recordFirstSeen(["c"], at: at(6))
        #expect(try await store.checkpoint() == at(5))
    }

    static func latestFiringIsTheGreatestFireTimeKept(
        _ store: any StateStore,
        _ location: any StateStoreLocation
    ) async throws {
        #expect(try await store.latestFiring() == nil)
        try await store.record(fired: [FiredEvent(key: key("a", 0, "due"), firedAt: at(5))], checkpoint: at(5))
        // A clock set back records an earlier time, which leaves the latest as it was; so does a key recorded again.
        try await store.record(fired: [FiredEvent(key: key("b", 0, "due"), firedAt: at(2))], checkpoint: at(2))
        try await store.record(fired: [FiredEvent(key: key("a", 0, "due"), firedAt: at(9))], checkpoint: at(9))
        #expect(try await store.latestFiring() == at(5))
        try await store.record(fired: [FiredEvent(key: key("c", 0, "due"), firedAt: at(7))], checkpoint: at(7))
        #expect(try await store.latestFiring() == at(7))
        #expect(try await location.open().latestFiring() == at(7))
    }

    static func firedKeysAmongABatch(_ store: any StateStore, _: any StateStoreLocation) async throws {
        let fired = [key("a", 0, "remind-7d"), key("a", 0, "due"), key("b", 24, "overdue-2")]
        try await store.record(fired: fired.map { FiredEvent(key: $0, firedAt: at(0)) }, checkpoint: at(0))
        let others = [key("a", 0, "remind-1d"), key("a", 24, "due"), key("b", 24, "overdue-1"), key("c", 0, "due")]
        #expect(try await store.fired(among: others + fired + fired) == Set(fired))
        #expect(try await store.fired(among: others).isEmpty)
        // Many keys at once, as a catch-up after long downtime asks.
        let many = (0..<2000).map { key("m", Int64($0), "due") }
        try await store.record(
            fired: many.enumerated().filter { $0.offset % 2 == 0 }.map { FiredEvent(key: $0.element, firedAt: at(1)) },
            checkpoint: at(1)
        )
        #expect(
            try await store.fired(among: many) == Set(many.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        )
        for key in fired { #expect(try await store.hasFired(key)) }
        #expect(try await !store.hasFired(others[0]))
    }

    static func eventRecordedTwiceKeepsItsFirstFireTime(
        _ store: any StateStore,
        _: any StateStoreLocation
    ) async throws {
        let reminder = key("a", 48, "remind-1d")
        try await store.record(fired: [FiredEvent(key: reminder, firedAt: at(24))], checkpoint: at(24))
        try await store.record(fired: [FiredEvent(key: reminder, firedAt: at(30))], checkpoint: at(30))
        #expect(try await store.firedEvents() == [FiredEvent(key: reminder, firedAt: at(24))])
        #expect(try await store.checkpoint() == at(30))
    }

    static func checkpointFollowsEachRecord(_ store: any StateStore, _: any StateStoreLocation) async throws {
        try await store.record(fired: [], checkpoint: at(10))
        #expect(try await store.checkpoint() == at(10))
        // A clock set back moves it back too; the fired keys still keep anything from firing twice.
        try await store.record(fired: [FiredEvent(key: key("a", 9, "due"), firedAt: at(9))], checkpoint: at(9))
        #expect(try await store.checkpoint() == at(9))
        try await store.record(fired: [], checkpoint: at(12))
        #expect(try await store.checkpoint() == at(12))
        #expect(try await store.hasFired(key("a", 9, "due")))
    }

    static func eventsAndCheckpointAreRecordedTogether(
        _ store: any StateStore,
        _: any StateStoreLocation
    ) async throws {
        let rounds: Int64 = 60
        let keys = (1...rounds).map { key("a", $0, "due") }
        // A reader that sees the checkpoint of round n must also see round n's event: the two are one transaction.
        let reader = Task {
            var violations = 0
            var observed = 0
            var reads = 0
            // Bounded, in case a store never shows the last checkpoint.
            while observed < rounds && reads < 1_000_000 {
                reads += 1
                guard let checkpoint = try await store.checkpoint() else {
                    await Task.yield()
                    continue
                }
                observed = max(0, min(Int(rounds), Int(checkpoint.microseconds(since: t0) / 3_600_000_000)))
                let fired = try await store.fired(among: Array(keys.prefix(observed)))
                if fired.count != observed { violations += 1 }
                await Task.yield()
            }
            return violations
        }
        for round in 1...rounds {
            try await store.record(
                fired: [FiredEvent(key: keys[Int(round - 1)], firedAt: at(round))],
                checkpoint: at(round)
            )
        }
        #expect(try await reader.value == 0)
        #expect(try await store.fired(among: keys).count == keys.count)
    }

    static func historyListsFiredEventsByFireTime(_ store: any StateStore, _: any StateStoreLocation) async throws {
        let late = FiredEvent(key: key("a", 48, "due"), firedAt: at(48))
        let early = FiredEvent(key: key("b", 48, "remind-1d"), firedAt: at(24))
        let sameTimeB = FiredEvent(key: key("b", 0, "due"), firedAt: at(30))
        let sameTimeA = FiredEvent(key: key("a", 0, "overdue-1"), firedAt: at(30))
        try await store.record(fired: [late, early], checkpoint: at(48))
        try await store.record(fired: [sameTimeB, sameTimeA], checkpoint: at(48))
        #expect(try await store.firedEvents() == [early, sameTimeA, sameTimeB, late])
        #expect(try await store.firedEvents(obligationID: "a") == [sameTimeA, late])
        #expect(try await store.firedEvents(obligationID: "z").isEmpty)
    }

    static func reopenedStoreKeepsEverything(_ store: any StateStore, _ location: any StateStoreLocation) async throws {
        let fired = [
            FiredEvent(key: key("a", 24, "remind-1d"), firedAt: at(0)),
            FiredEvent(key: key("b", 24, "overdue-3"), firedAt: at(1)),
        ]
        _ = try await store.recordFirstSeen(["a", "b"], at: at(-1))
        try await store.record(fired: fired, checkpoint: at(2))
        let reopened = try await location.open()
        #expect(try await reopened.firstSeen() == ["a": at(-1), "b": at(-1)])
        #expect(try await reopened.checkpoint() == at(2))
        #expect(try await reopened.firedEvents() == fired)
        #expect(try await reopened.fired(among: fired.map(\.key)) == Set(fired.map(\.key)))
        // And it goes on from there.
        _ = try await reopened.recordFirstSeen(["c"], at: at(3))
        #expect(try await reopened.firstSeen() == ["a": at(-1), "b": at(-1), "c": at(3)])
        #expect(try await location.open().checkpoint() == at(2))
    }

    static func leadSpellingDoesNotChangeTheStage(_ store: any StateStore, _: any StateStoreLocation) async throws {
        let written = key("a", 168, "remind-1w")
        try await store.record(fired: [FiredEvent(key: written, firedAt: at(0))], checkpoint: at(0))
        let spellings = ["remind-7d", "remind-168h", "remind-10080min", "remind-604800s", "remind-1w"]
        for spelling in spellings {
            #expect(try await store.hasFired(key("a", 168, spelling)), "\(spelling)")
        }
        #expect(try await store.firedEvents().map(\.key.stage) == ["remind-7d"])
        #expect(try await !store.hasFired(key("a", 168, "remind-6d")))
    }
}
