import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerSchedule

/// The occurrence state machine with an injected clock: every state the clock gives, every transition from every
/// state, compare-and-set, history, escalation steps.
@Suite struct OccurrenceLifecycleTests {
    static let hour: Int64 = 3_600_000_000
    static let day: Int64 = 24 * hour
    /// The due instant of the occurrence under test.
    static let due = Instant(secondsSinceEpoch: 1_900_000_000)
    /// Leads 7d and 1d, daily overdue repeats, escalation after 3 and 7 days; first seen long before.
    static let lifecycle = OccurrenceLifecycle(
        longestLead: 7 * day,
        overdueEvery: day,
        escalationDelays: [3 * day, 7 * day],
        firstSeen: due.adding(microseconds: -365 * day)
    )

    /// Applies `change` at `now` to the occurrence under test with `record`.
    static func apply(
        _ change: OccurrenceLifecycle.Change,
        to record: OccurrenceRecord?,
        at now: Instant
    )
        throws(ControlFailure) -> OccurrenceRecord
    {
        try lifecycle.apply(change, obligationID: "letter", due: due, record: record, at: now)
    }

    /// `hours` after the due instant.
    static func at(hours: Int64) -> Instant { due.adding(microseconds: hours * hour) }

    @Test(
        "the clock alone gives each open state",
        arguments: [
            (-8 * 24, OccurrenceState.upcoming), (-7 * 24, .reminding), (-1, .reminding), (0, .due), (23, .due),
            (24, .overdue), (71, .overdue), (72, .escalated), (24 * 40, .escalated),
        ] as [(Int64, OccurrenceState)]
    )
    func clockStates(hours: Int64, expected: OccurrenceState) {
        #expect(Self.lifecycle.state(due: Self.due, record: nil, at: Self.at(hours: hours)) == expected)
    }

    @Test func withoutRepeatsTheOccurrenceIsOverdueJustAfterItsDueTimeAndWithoutLeadsNeverReminding() {
        let bare = OccurrenceLifecycle(
            longestLead: 0,
            overdueEvery: 0,
            escalationDelays: [],
            firstSeen: Instant(secondsSinceEpoch: 0)
        )
        #expect(bare.state(due: Self.due, record: nil, at: Self.at(hours: -1)) == .upcoming)
        #expect(bare.state(due: Self.due, record: nil, at: Self.due) == .due)
        #expect(bare.state(due: Self.due, record: nil, at: Self.due.adding(microseconds: 1)) == .overdue)
        #expect(bare.state(due: Self.due, record: nil, at: Self.at(hours: 24 * 100)) == .overdue)
    }

    /// The record an occurrence has in a starting state of the transition table.
    enum Start: String, CaseIterable, Sendable {
        case untouched, snoozed, snoozeOver, acknowledged, skipped, reopened

        func record() -> OccurrenceRecord? {
            let id = "letter"
            let due = OccurrenceLifecycleTests.due.microsecondsSinceEpoch
            let until = OccurrenceLifecycleTests.at(hours: 30).microsecondsSinceEpoch
            let over = OccurrenceLifecycleTests.at(hours: 2).microsecondsSinceEpoch
            return switch self {
            case .untouched: nil
            case .snoozed: OccurrenceRecord(obligationID: id, due: due, snoozedUntil: until, revision: 1)
            case .snoozeOver: OccurrenceRecord(obligationID: id, due: due, snoozedUntil: over, revision: 1)
            case .acknowledged: OccurrenceRecord(obligationID: id, due: due, resolution: .acknowledged, revision: 1)
            case .skipped: OccurrenceRecord(obligationID: id, due: due, resolution: .skipped, revision: 2)
            case .reopened: OccurrenceRecord(obligationID: id, due: due, revision: 2)
            }
        }
    }

    /// Every action from every starting state, at 5 hours past due (the clock says `due`): the state after, or the
    /// refusal.
    static let table: [(Start, OccurrenceAction, OccurrenceState?, ControlFailure.Code?)] = [
        (.untouched, .acknowledge, .acknowledged, nil), (.untouched, .skip, .skipped, nil),
        (.untouched, .snooze, .snoozed, nil), (.untouched, .reopen, nil, .conflict),
        (.snoozed, .acknowledge, .acknowledged, nil), (.snoozed, .skip, .skipped, nil),
        (.snoozed, .snooze, .snoozed, nil), (.snoozed, .reopen, nil, .conflict),
        (.snoozeOver, .acknowledge, .acknowledged, nil), (.snoozeOver, .snooze, .snoozed, nil),
        (.snoozeOver, .reopen, nil, .conflict),
        (.acknowledged, .acknowledge, nil, .conflict), (.acknowledged, .skip, nil, .conflict),
        (.acknowledged, .snooze, nil, .conflict), (.acknowledged, .reopen, .due, nil),
        (.skipped, .acknowledge, nil, .conflict), (.skipped, .skip, nil, .conflict),
        (.skipped, .snooze, nil, .conflict), (.skipped, .reopen, .due, nil),
        (.reopened, .acknowledge, .acknowledged, nil), (.reopened, .reopen, nil, .conflict),
    ]

    @Test("every transition", arguments: table)
    func transition(start: Start, action: OccurrenceAction, after: OccurrenceState?, refusal: ControlFailure.Code?) {
        let now = Self.at(hours: 5)
        let change = OccurrenceLifecycle.Change(action, snoozeUntil: Self.at(hours: 10), note: "why")
        let before = start.record()
        do {
            let record = try Self.apply(change, to: before, at: now)
            #expect(refusal == nil, "expected \(refusal.map { "\($0)" } ?? "")")
            #expect(Self.lifecycle.state(due: Self.due, record: record, at: now) == after)
            #expect(record.revision == (before?.revision ?? 0) + 1)
            // The snooze ends when it says; the occurrence resumes where the clock puts it.
            if action == .snooze {
                #expect(Self.lifecycle.state(due: Self.due, record: record, at: Self.at(hours: 10)) == .due)
                #expect(Self.lifecycle.state(due: Self.due, record: record, at: Self.at(hours: 80)) == .escalated)
            }
        } catch {
            #expect(error.code == refusal, "\(error)")
        }
    }

    @Test func theTableCoversEveryActionFromEveryStart() {
        let covered = Set(Self.table.map { "\($0.0)-\($0.1)" })
        for start in Start.allCases where start != .snoozeOver && start != .reopened {
            for action in OccurrenceAction.allCases { #expect(covered.contains("\(start)-\(action)")) }
        }
    }

    @Test func reopeningAnOccurrencePastItsRepeatsMakesItOverdueAgain() throws {
        let acknowledged = Start.acknowledged.record()
        let now = Self.at(hours: 48)
        let record = try Self.apply(.init(.reopen), to: acknowledged, at: now)
        #expect(Self.lifecycle.state(due: Self.due, record: record, at: now) == .overdue)
    }

    @Test func twoAcknowledgementsFromOneRevisionGiveOneTransitionAndAConflict() throws {
        let now = Self.at(hours: 5)
        let first = try Self.apply(.init(.acknowledge), to: nil, at: now)
        // The second was computed from the same starting point: its revision collides (the store refuses it) …
        let second = try Self.apply(.init(.acknowledge), to: nil, at: now)
        #expect(first.revision == second.revision)
        // … and computed again from the stored record it is a clear conflict.
        #expect(throws: ControlFailure(.conflict, "letter due \(Self.due) is already acknowledged; reopen it first")) {
            try Self.apply(.init(.acknowledge), to: first, at: now)
        }
    }

    @Test func aSkipNeedsANoteAndASnoozeMustEndAfterNow() {
        let now = Self.at(hours: 5)
        for change in [
            OccurrenceLifecycle.Change(.skip), OccurrenceLifecycle.Change(.skip, note: "  "),
            OccurrenceLifecycle.Change(.snooze, snoozeUntil: now), OccurrenceLifecycle.Change(.snooze),
        ] {
            #expect(throws: ControlFailure.self) {
                try Self.apply(change, to: nil, at: now)
            }
        }
    }

    @Test func occurrencesDueBeforeFirstSeenAreHistory() {
        let seen = OccurrenceLifecycle(
            longestLead: 0,
            overdueEvery: Self.day,
            escalationDelays: [],
            firstSeen: Self.due
        )
        #expect(seen.isHistory(Self.due))
        #expect(!seen.isHistory(Self.due.adding(microseconds: 1)))
        #expect(throws: ControlFailure.self) {
            try seen.apply(
                .init(.acknowledge),
                obligationID: "letter",
                due: Self.due,
                record: nil,
                at: Self.at(hours: 5)
            )
        }
    }

    @Test(
        "the latest escalation step passed, and when each comes",
        arguments: [(71, nil), (72, 1), (167, 1), (168, 2), (24 * 365, 2)] as [(Int64, Int?)]
    )
    func escalationSteps(hours: Int64, step: Int?) {
        #expect(Self.lifecycle.escalationStep(due: Self.due, at: Self.at(hours: hours)) == step)
    }

    @Test func escalationInstants() {
        #expect(Self.lifecycle.escalationInstant(due: Self.due, step: 1) == Self.at(hours: 72))
        #expect(Self.lifecycle.escalationInstant(due: Self.due, step: 2) == Self.at(hours: 168))
        #expect(Self.lifecycle.escalationInstant(due: Self.due, step: 3) == nil)
        #expect(Self.lifecycle.escalationInstant(due: Self.due, step: 0) == nil)
        #expect(Self.lifecycle.openWindow == 30 * Self.day)
    }
}
