import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

/// What must survive a restart, with either store: a stage whatever its lead's spelling, and everything that falls
/// due after the very first start.
@Suite(.timeLimit(.minutes(1)))
struct StateCarryOverTests {
    /// The kinds of store the daemon runs on here.
    enum StoreKind: String, CaseIterable, Sendable {
        case sqlite
        case memory
    }

    /// A fresh place for state, opened again at each restart.
    struct Place {
        let directory: TemporaryDirectory
        let memory = InMemoryStateStore()
        let kind: StoreKind

        /// A fresh place for a store of `kind`.
        init(kind: StoreKind) throws {
            directory = try TemporaryDirectory()
            self.kind = kind
        }

        func open() throws -> any StateStore {
            switch kind {
            case .sqlite: try SQLiteStateStore(path: directory.file(SQLiteStateStore.fileName))
            case .memory: memory
            }
        }
    }

    /// The greeting with its week-ahead reminder written `1w` instead of `7d`.
    static let greetingWrittenInWeeks = Fixtures.once(
        "greeting-cn",
        title: Fixtures.greetingTitle,
        due: Fixtures.greetingDue,
        remind: [Period(1, .week), Period(24, .hour)]
    )

    @Test("a lead written 7d, then 1w or 168h, is one stage and fires once", arguments: StoreKind.allCases)
    func leadSpellingKeepsTheStage(_ kind: StoreKind) async throws {
        let place = try Place(kind: kind)
        defer { place.directory.remove() }
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        let first = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, store: try place.open())
        await first.advance(to: reminder)
        #expect(first.sink.firings.map(\.lead) == ["7d"])
        try await first.stop()

        // The schedule now says `1w` and `24h`; restarted with the clock an hour behind, the reminder is planned
        // again, but the state knows the stage fired.
        let second = await DaemonHarness.started(
            [Self.greetingWrittenInWeeks],
            at: reminder.adding(seconds: -3600),
            store: try place.open()
        )
        #expect(second.clock.pendingDeadlines == [reminder])
        await second.advance(to: reminder)
        #expect(second.sink.firings.isEmpty)
        // The one-day reminder, written `24h`, is still to come, once.
        let dayBefore = Fixtures.greetingDue.adding(seconds: -Fixtures.day)
        #expect(second.clock.pendingDeadlines == [dayBefore])
        await second.advance(to: dayBefore)
        #expect(second.sink.firings.map(\.lead) == ["24h"])
        try await second.stop()
        #expect(try await place.open().firedEvents().map(\.key.stage) == ["remind-7d", "remind-1d"])
    }

    @Test(
        "nothing due after the first start is lost when the daemon dies right after it",
        arguments: StoreKind.allCases
    )
    func theFirstStartLosesNothing(_ kind: StoreKind) async throws {
        let place = try Place(kind: kind)
        defer { place.directory.remove() }
        let due = Fixtures.start.adding(seconds: 30)
        let soon = Fixtures.once("soon", title: "Soon", due: due, remind: [Period(10, .second)], overdueEvery: .zero)
        // The very first start's first transaction, as the daemon writes it, and a kill -9 right after it:
        // nothing else reaches the state.
        _ = try await place.open().recordFirstSeen(["soon"], at: Fixtures.start)
        #expect(try await place.open().checkpoint() == Fixtures.start)

        // Back a minute later: the reminder and the due time fell in between; the latest stage fires once.
        let second = await DaemonHarness.started([soon], at: due.adding(seconds: 30), store: try place.open())
        #expect(second.sink.firings.map(\.kind) == [.due])
        #expect(second.sink.firings.map(\.obligationID) == ["soon"])
        try await second.stop()
    }
}
