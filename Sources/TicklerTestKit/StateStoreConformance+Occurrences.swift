import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerState

extension StateStoreConformance {
    /// The checks of occurrence records and actions.
    static let occurrenceChecks: [Check] = [
        Check("a transition writes the record and its action", transitionWritesRecordAndAction),
        Check("of two transitions from one revision only the first is written", transitionIsCompareAndSet),
        Check("records and actions survive reopening and outlive the obligation", occurrencesSurviveReopening),
    ]

    /// The record of `obligationID`'s occurrence due `hours` after `t0`.
    static func record(
        _ obligationID: String,
        _ hours: Int64,
        _ resolution: OccurrenceState? = nil,
        snoozedUntil: Instant? = nil,
        revision: Int
    ) -> OccurrenceRecord {
        OccurrenceRecord(
            obligationID: obligationID,
            due: at(hours).microsecondsSinceEpoch,
            resolution: resolution,
            snoozedUntil: snoozedUntil?.microsecondsSinceEpoch,
            revision: revision
        )
    }

    /// The action `event` by `user` at `at` on the occurrence due `hours` after `t0`.
    static func action(
        _ event: String,
        _ hours: Int64,
        at instant: Instant,
        user: String = "root",
        note: String? = nil
    )
        -> HistoryEntry
    {
        HistoryEntry(
            at: instant.microsecondsSinceEpoch,
            due: at(hours).microsecondsSinceEpoch,
            event: event,
            user: user,
            note: note
        )
    }

    static func transitionWritesRecordAndAction(_ store: any StateStore, _: any StateStoreLocation) async throws {
        #expect(try await store.occurrences().isEmpty)
        #expect(try await store.actions(obligationID: "a").isEmpty)
        let snoozed = record("a", 24, snoozedUntil: at(30), revision: 1)
        var snooze = action("snoozed", 24, at: at(25), user: "lan", note: "waiting for the stamp")
        snooze.snoozedUntil = at(30).microsecondsSinceEpoch
        #expect(try await store.transition(to: snoozed, action: snooze))
        let acknowledged = record("a", 24, .acknowledged, snoozedUntil: at(30), revision: 2)
        let ack = action("acknowledged", 24, at: at(31), user: "minh")
        #expect(try await store.transition(to: acknowledged, action: ack))
        #expect(
            try await store.transition(
                to: record("b", 0, .skipped, revision: 1),
                action: action("skipped", 0, at: at(1))
            )
        )
        #expect(try await store.occurrences() == [acknowledged, record("b", 0, .skipped, revision: 1)])
        #expect(try await store.actions(obligationID: "a") == [snooze, ack])
        #expect(try await store.actions(obligationID: "b").map(\.event) == ["skipped"])
    }

    static func transitionIsCompareAndSet(_ store: any StateStore, _: any StateStoreLocation) async throws {
        let first = record("a", 24, .acknowledged, revision: 1)
        let second = record("a", 24, .skipped, revision: 1)
        #expect(try await store.transition(to: first, action: action("acknowledged", 24, at: at(25), user: "lan")))
        #expect(try await !store.transition(to: second, action: action("skipped", 24, at: at(25), user: "minh")))
        // A revision that skips ahead is refused too.
        #expect(
            try await !store.transition(to: record("a", 24, revision: 3), action: action("reopened", 24, at: at(26)))
        )
        #expect(try await store.occurrences() == [first])
        #expect(try await store.actions(obligationID: "a").map(\.user) == ["lan"])
        // Concurrent transitions from one revision: exactly one is written.
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try await store.transition(
                        to: record("c", 0, .acknowledged, revision: 1),
                        action: action("acknowledged", 0, at: at(1), user: "user\(index)")
                    )
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count { $0 } == 1)
        #expect(try await store.actions(obligationID: "c").count == 1)
    }

    static func occurrencesSurviveReopening(_ store: any StateStore, _ location: any StateStoreLocation) async throws {
        _ = try await store.recordFirstSeen(["a"], at: at(-1))
        let ended = record("a", 24, .acknowledged, revision: 1)
        let ack = action("acknowledged", 24, at: at(25), note: "sent by post")
        #expect(try await store.transition(to: ended, action: ack))
        // The schedule no longer has "a": the store does not care, the history stays.
        _ = try await store.recordFirstSeen(["b"], at: at(30))
        let reopened = try await location.open()
        #expect(try await reopened.occurrences() == [ended])
        #expect(try await reopened.actions(obligationID: "a") == [ack])
        let again = record("a", 24, revision: 2)
        #expect(try await reopened.transition(to: again, action: action("reopened", 24, at: at(40))))
        #expect(try await location.open().occurrences() == [again])
    }
}
