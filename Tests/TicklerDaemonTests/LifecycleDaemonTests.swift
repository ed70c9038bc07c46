import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

/// The obligation lifecycle in the running daemon, driven through its control channel as the socket drives it.
@Suite("Lifecycle in the daemon", .timeLimit(.minutes(1)))
struct LifecycleDaemonTests {
    static let due = Fixtures.greetingDue
    static let day = Fixtures.day

    /// The greeting with `escalate` delays.
    static func escalating(_ delays: [Period]) -> Obligation {
        Obligation(
            id: "greeting-cn",
            title: Fixtures.greetingTitle,
            zone: Fixtures.hanoi,
            recurrence: OnceRecurrence(at: due),
            recurrenceDescription: "once",
            reminderLeads: [Period(7, .day), Period(1, .day)],
            overdueEvery: Period(1, .day),
            escalate: delays,
            source: SourceLocation(file: "schedule.toml", line: 1)
        )
    }

    /// An acknowledgement of the greeting's oldest open occurrence, with `note`.
    static func ack(_ note: String? = nil, due text: String? = nil) -> ControlRequest {
        .change(OccurrenceCommand(action: .acknowledge, obligationID: "greeting-cn", due: text, note: note))
    }

    /// The outcome of a `changed` reply, recording an issue otherwise.
    static func outcome(_ reply: ControlReply) -> TransitionOutcome? {
        guard case .changed(let outcome) = reply else {
            Issue.record("expected a change, got \(reply)")
            return nil
        }
        return outcome
    }

    /// The failure code of a reply, nil when it is no failure.
    static func failure(_ reply: ControlReply) -> ControlFailure.Code? {
        if case .failure(let failure) = reply { failure.code } else { nil }
    }

    @Test func anAcknowledgementEndsTheOverdueRepeatsAndIsJournaledWithTheUser() async throws {
        let store = InMemoryStateStore()
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: store)
        for deadline in [-7 * Self.day, -Self.day, 0, Self.day] {
            await daemon.advance(to: Self.due.adding(seconds: deadline))
        }
        #expect(daemon.sink.firings.map(\.kind) == [.reminder, .reminder, .due, .overdue])
        #expect(daemon.status?.hasSuffix("; 1 overdue") == true)
        let reply = await daemon.send(Self.ack("sent by post"), as: .member("lan"), thenSleeps: false)
        let outcome = try #require(Self.outcome(reply))
        #expect(outcome.from == .overdue)
        #expect(outcome.to == .acknowledged)
        #expect(outcome.due == Self.due.microsecondsSinceEpoch)
        #expect(daemon.clock.pendingDeadlines.isEmpty, "no repeat is planned any more")
        #expect(daemon.status == "1 obligation; next: none")
        let entry = try #require(daemon.sink.events(of: .acknowledged).only)
        #expect(entry.values[.user] == "lan")
        #expect(entry.values[.note] == "sent by post")
        #expect(entry.obligationID == "greeting-cn")
        #expect(entry.due == "2027-10-01T08:00:00+07:00")
        #expect(entry.priority == .notice)
        // The durable record is there before the reply came.
        #expect(try await store.occurrences().map(\.resolution) == [.acknowledged])
        try await daemon.stop()

        // A restart fires nothing for the acknowledged occurrence, however long it was down.
        let again = await DaemonHarness.started(
            [Fixtures.greeting],
            at: Self.due.adding(seconds: 5 * Self.day),
            store: store,
            thenSleeps: false
        )
        #expect(again.sink.firings.isEmpty)
        #expect(again.status == "1 obligation; next: none")
        try await again.stop()
    }

    @Test func twoAcknowledgementsAtOnceGiveOneTransitionAndAConflict() async throws {
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: InMemoryStateStore())
        await daemon.advance(to: Self.due)
        let due = "2027-10-01"
        async let first = daemon.control.handle(Self.ack(due: due), from: .member("lan"))
        async let second = daemon.control.handle(Self.ack(due: due), from: .member("minh"))
        let replies = await [first, second]
        #expect(replies.count { Self.failure($0) == nil } == 1)
        #expect(replies.count { Self.failure($0) == .conflict } == 1)
        #expect(daemon.sink.events(of: .acknowledged).count == 1)
        try await daemon.stop()
    }

    @Test func aSnoozeHoldsTheRepeatsAcrossAReloadAndResumesAtItsEnd() async throws {
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: InMemoryStateStore())
        for deadline in [-7 * Self.day, -Self.day, 0] { await daemon.advance(to: Self.due.adding(seconds: deadline)) }
        daemon.clock.set(to: Self.due.adding(seconds: 3600))
        let snooze = OccurrenceCommand(action: .snooze, obligationID: "greeting-cn", snoozeFor: "2d", note: "closed")
        let outcome = try #require(Self.outcome(await daemon.send(.change(snooze))))
        let until = Self.due.adding(seconds: 2 * Self.day + 3600)
        #expect(outcome.to == .snoozed)
        #expect(outcome.snoozedUntil == until.microsecondsSinceEpoch)
        #expect(daemon.clock.pendingDeadlines == [until])
        await daemon.reload()
        #expect(daemon.clock.pendingDeadlines == [until], "the reload keeps the snooze")
        // The views show it.
        guard case .list(let rows) = await daemon.send(.list) else { throw CancellationError() }
        #expect(rows.map(\.state) == [.snoozed])
        #expect(rows.map(\.snoozedUntil) == [until.microsecondsSinceEpoch])
        await daemon.advance(to: until)
        // The repeats of day 1 and 2 were held back; at the snooze's end the stage it reached fires, once.
        #expect(daemon.sink.firings.map(\.kind) == [.reminder, .reminder, .due, .overdue])
        #expect(daemon.sink.firings.last?.message.hasPrefix("overdue by 2 days") == true)
        #expect(daemon.clock.pendingDeadlines == [Self.due.adding(seconds: 3 * Self.day)])
        await daemon.advance(to: Self.due.adding(seconds: 3 * Self.day))
        #expect(daemon.sink.firings.count == 5)
        let snoozed = try #require(daemon.sink.events(of: .snoozed).only)
        #expect(snoozed.values[.note] == "closed")
        #expect(snoozed.values[.user] == "root")
        try await daemon.stop()
    }

    @Test func afterDowntimeOnlyTheLatestEscalationStepIsJournaled() async throws {
        let store = InMemoryStateStore()
        let obligation = Self.escalating([Period(3, .day), Period(7, .day)])
        let first = await DaemonHarness.started([obligation], at: Fixtures.start, store: store)
        await first.advance(to: Self.due.adding(seconds: -7 * Self.day))
        try await first.stop()
        let second = await DaemonHarness.started(
            [obligation],
            at: Self.due.adding(seconds: 10 * Self.day),
            store: store
        )
        let escalations = second.sink.events(of: .escalated)
        let only = try #require(escalations.only)
        #expect(only.values[.escalation] == "2")
        #expect(only.priority == .alert)
        #expect(only.obligationID == "greeting-cn")
        // The repeats go on until acknowledged; no step is left to escalate.
        #expect(second.clock.pendingDeadlines == [Self.due.adding(seconds: 11 * Self.day)])
        try await second.stop()
    }

    @Test func escalationStepsComeOnceEachAndStopAtAcknowledgement() async throws {
        let obligation = Self.escalating([Period(3, .day), Period(7, .day)])
        let daemon = await DaemonHarness.started([obligation], at: Fixtures.start, store: InMemoryStateStore())
        let deadlines = [-7 * Self.day, -Self.day] + (0...3).map { Int64($0) * Self.day }
        for deadline in deadlines { await daemon.advance(to: Self.due.adding(seconds: deadline)) }
        let step = try #require(daemon.sink.events(of: .escalated).only)
        #expect(step.values[.escalation] == "1")
        #expect(step.priority == .critical)
        #expect(step.message.hasPrefix("escalation 1: overdue by 3 days"))
        _ = await daemon.send(Self.ack(), thenSleeps: false)
        #expect(daemon.clock.pendingDeadlines.isEmpty)
        try await daemon.stop()
    }

    @Test func historyListsFiringsAndActionsOldestFirstAndOutlivesTheObligation() async throws {
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: InMemoryStateStore())
        for deadline in [-7 * Self.day, -Self.day, 0] { await daemon.advance(to: Self.due.adding(seconds: deadline)) }
        _ = await daemon.send(Self.ack("done"), as: .member("lan"), thenSleeps: false)
        // The obligation leaves the schedule; its history stays.
        daemon.schedule.replace(with: Schedule(obligations: [], files: ["schedule.toml"]))
        await daemon.reload(thenSleeps: false)
        guard case .history(let entries) = await daemon.send(.history(obligationID: "greeting-cn"), thenSleeps: false)
        else { throw CancellationError() }
        #expect(entries.map(\.event) == ["reminder", "reminder", "due", "acknowledged"])
        #expect(entries.map(\.stage) == ["remind-7d", "remind-1d", "due", nil])
        #expect(entries.last?.user == "lan")
        #expect(entries.last?.note == "done")
        let unknown = await daemon.send(.history(obligationID: "nobody"), thenSleeps: false)
        #expect(Self.failure(unknown) == .unknownObligation)
        try await daemon.stop()
    }

    @Test func statusCountsOccurrencesByStateAndShowsTheNextEvents() async throws {
        let other = Fixtures.once("other", title: "Other", due: Self.due.adding(seconds: 30 * Self.day))
        let daemon = await DaemonHarness.started(
            [Fixtures.greeting, other],
            at: Fixtures.start,
            store: InMemoryStateStore()
        )
        await daemon.advance(to: Self.due.adding(seconds: -7 * Self.day))
        guard case .status(let status) = await daemon.send(.status) else { throw CancellationError() }
        #expect(status.obligationCount == 2)
        #expect(status.counts == [.reminding: 1, .upcoming: 1])
        #expect(status.next.map(\.stage) == ["remind-1d", "due", "overdue-1", "overdue-2", "overdue-3"])
        #expect(status.next.first?.state == .reminding)
        #expect(status.files == ["schedule.toml"])
        #expect(status.scheduleLocation == "memory:schedule.toml")
        #expect(status.lastReload == nil)
        await daemon.reload()
        guard case .status(let reloaded) = await daemon.send(.status) else { throw CancellationError() }
        #expect(reloaded.lastReload?.succeeded == true)
        guard case .upcoming(let events) = await daemon.send(.upcoming(days: 8, limit: 2, obligationID: "greeting-cn"))
        else { throw CancellationError() }
        #expect(events.map(\.stage) == ["remind-1d", "due"])
        try await daemon.stop()
    }

    @Test(
        "refusals name what is wrong",
        arguments: [
            (OccurrenceCommand(action: .acknowledge, obligationID: "nobody"), ControlFailure.Code.unknownObligation),
            (
                OccurrenceCommand(action: .acknowledge, obligationID: "greeting-cn", due: "2027-10-02"),
                .noSuchOccurrence
            ),
            (OccurrenceCommand(action: .acknowledge, obligationID: "greeting-cn", due: "yesterday"), .invalidRequest),
            (OccurrenceCommand(action: .skip, obligationID: "greeting-cn"), .invalidRequest),
            (OccurrenceCommand(action: .reopen, obligationID: "greeting-cn"), .invalidRequest),
            (OccurrenceCommand(action: .reopen, obligationID: "greeting-cn", due: "2027-10-01"), .conflict),
            (OccurrenceCommand(action: .snooze, obligationID: "greeting-cn"), .invalidRequest),
            (OccurrenceCommand(action: .snooze, obligationID: "greeting-cn", snoozeFor: "soon"), .invalidRequest),
        ]
    )
    func refusals(command: OccurrenceCommand, code: ControlFailure.Code) async throws {
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: InMemoryStateStore())
        #expect(Self.failure(await daemon.send(.change(command))) == code)
        #expect(daemon.sink.events(of: .acknowledged).isEmpty)
        try await daemon.stop()
    }

    @Test func skipThenReopenPutsTheOccurrenceBackAndItsRepeatsGoOn() async throws {
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: InMemoryStateStore())
        for deadline in [-7 * Self.day, -Self.day, 0] { await daemon.advance(to: Self.due.adding(seconds: deadline)) }
        let skip = OccurrenceCommand(action: .skip, obligationID: "greeting-cn", note: "office closed")
        #expect(Self.outcome(await daemon.send(.change(skip), thenSleeps: false))?.to == .skipped)
        #expect(daemon.clock.pendingDeadlines.isEmpty)
        let reopen = OccurrenceCommand(action: .reopen, obligationID: "greeting-cn", due: "2027-10-01")
        #expect(Self.outcome(await daemon.send(.change(reopen)))?.to == .due)
        #expect(daemon.clock.pendingDeadlines == [Self.due.adding(seconds: Self.day)])
        await daemon.advance(to: Self.due.adding(seconds: Self.day))
        #expect(daemon.sink.firings.map(\.kind).last == .overdue)
        #expect(daemon.sink.events(of: .reopened).only?.priority == .warning)
        try await daemon.stop()
    }
}
