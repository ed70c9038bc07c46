import Systemd
import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

@Suite(.timeLimit(.minutes(1)))
struct ReloadTests {
    static let labour = Fixtures.once(
        "labour-agreement-van-son",
        title: "Gia hạn Thỏa thuận lao động với châu Văn Sơn",
        due: Fixtures.hanoi(2027, 9, 25)
    )

    @Test func successfulReloadAddsObligationsWithoutRefiring() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        let schedule = daemon.schedule
        await daemon.advance(to: Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day))
        #expect(daemon.sink.firings.map(\.obligationID) == ["greeting-cn"])

        // The new obligation's 7-day reminder lies before it was first seen, its 1-day reminder is now: neither fires.
        schedule.replace(
            with: Schedule(
                obligations: [Fixtures.greeting, Self.labour],
                files: ["schedule.toml", "schedule.d/b.toml"]
            )
        )
        await daemon.reload()
        #expect(daemon.sink.firings.map(\.obligationID) == ["greeting-cn"])
        #expect(
            daemon.sink.events(of: .reloaded).map(\.message) == [
                "reloaded memory:schedule.toml: 2 obligations from 2 files"
            ]
        )
        let reloading = try #require(daemon.notifier.states.firstIndex(of: .reloading))
        #expect(daemon.notifier.states[(reloading + 1)...].first == .ready)
        // READY=1 carries the new STATUS= in the same datagram: `systemctl reload` returns with it current.
        let readyMessage = try #require(daemon.notifier.messages.elements.last { $0.contains(.ready) })
        #expect(readyMessage.contains(.status(try #require(daemon.status))))
        #expect(
            daemon.status
                == "2 obligations; next: \"Gia hạn Thỏa thuận lao động với châu Văn Sơn\" due in 1 day (2027-09-25 08:00 +07)"
        )

        await daemon.advance(to: Fixtures.hanoi(2027, 9, 25))
        #expect(daemon.sink.firings.map(\.obligationID) == ["greeting-cn", "labour-agreement-van-son"])
        #expect(daemon.sink.firings.last?.kind == .due)
        try await daemon.stop()
    }

    @Test func failedReloadKeepsTheScheduleAndSaysSo() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started(
            [Fixtures.greeting],
            at: Fixtures.start,
            state: state,
            displayZone: Fixtures.hanoi
        )
        let schedule = daemon.schedule
        let problems = [
            ScheduleDiagnostic(
                file: "/etc/tickler/schedule.toml",
                line: 14,
                column: 9,
                scope: .obligation(id: "labour", index: 2),
                key: "every",
                message: "invalid duration \"5q\""
            ),
            ScheduleDiagnostic(
                file: "/etc/tickler/schedule.d/10-more.toml",
                line: 3,
                column: 1,
                scope: .file,
                key: nil,
                message: "expected `=`"
            ),
        ]
        schedule.fail(with: ScheduleLoadError(diagnostics: problems))
        await daemon.reload()

        let failures = daemon.sink.events(of: .reloadFailed)
        #expect(failures.map(\.message) == problems.map { "reload failed: \($0)" })
        #expect(failures.first?.message.contains("/etc/tickler/schedule.toml:14:9:") == true)
        #expect(failures.allSatisfy { $0.kind.priority == .error })
        #expect(
            daemon.status
                == "1 obligation; next: \"Thư chúc mừng Quốc khánh Trung Quốc\" reminder in 3 days "
                + "(2027-09-24 08:00 +07); reload failed at 2027-09-21 08:00 +07: 2 errors (see journalctl -u ticklerd)"
        )
        let reloading = try #require(daemon.notifier.states.firstIndex(of: .reloading))
        #expect(daemon.notifier.states[(reloading + 1)...].first == .ready)

        // The previous schedule is still in force.
        await daemon.advance(to: Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day))
        #expect(daemon.sink.firings.map(\.obligationID) == ["greeting-cn"])
        #expect(daemon.status?.contains("reload failed at 2027-09-21 08:00 +07") == true)

        // A good reload clears the failure.
        schedule.replace(with: Schedule(obligations: [Fixtures.greeting], files: ["schedule.toml"]))
        await daemon.reload()
        #expect(daemon.status?.contains("reload failed") == false)
        try await daemon.stop()
    }

    /// A reload lets the plan go while it reads (``DaemonCore/setPlanAside(at:)``): refused, it plans the schedule
    /// in force again. Two daemons on the same schedule and history, one of which refuses a reload part-way,
    /// go on alike: the same events at the same instants, the same overdue count and next event.
    /// A schedule read from text is let go while a reload reads the new one (two large schedules are never held at
    /// once), and made again from its text when the new one is refused: the daemon then goes on as one whose reload
    /// read the same schedule again.
    @Test func refusedReloadMakesTheScheduleInForceAgainFromItsText() async throws {
        let text = TextSchedule.daily(3)
        let broken = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "every = \"1d\"" ? "every = \"banana\"" : $0 }.joined(separator: "\n")
        var daemons: [DaemonHarness] = []
        for edit in [text, broken] {
            let schedule = TextSchedule(text)
            let daemon = DaemonHarness(
                schedule: schedule,
                clock: ManualWallClock(Fixtures.start),
                store: InMemoryStateStore()
            )
            await daemon.started()
            schedule.replace(with: edit)
            await daemon.reload()
            daemons.append(daemon)
        }
        let (reread, refused) = (daemons[0], daemons[1])
        #expect(reread.sink.events(of: .reloaded).count == 1)
        #expect(refused.sink.events(of: .reloadFailed).count == 3)
        #expect(refused.status?.hasPrefix("3 obligations") == true, "\(refused.status ?? "")")
        #expect(refused.status?.contains("reload failed") == true)

        let end = Fixtures.start.adding(seconds: 400 * Fixtures.day)
        var deadlines: [[Instant]] = [[], []]
        for (side, daemon) in daemons.enumerated() {
            for _ in 0..<20 {
                guard let next = daemon.clock.pendingDeadlines.min(), next <= end else { break }
                await daemon.advance(to: next)
                deadlines[side].append(next)
            }
        }
        #expect(deadlines[0].count == 20)
        #expect(deadlines[1] == deadlines[0])
        #expect(refused.sink.firings.map(\.obligationID) == reread.sink.firings.map(\.obligationID))
        #expect(refused.sink.firings.count >= 3)
        for daemon in daemons { try await daemon.stop() }
    }

    @Test func refusedReloadPlansTheScheduleInForceAsBefore() async throws {
        let weekly = Fixtures.every(
            "weekly-report",
            title: "Báo cáo tuần cho Sở Ngoại vụ",
            start: LocalDateTime(iso: "2027-09-20T09:00")!,
            period: Period(1, .week),
            remind: [Period(1, .day)]
        )
        let obligations = [Fixtures.greeting, Self.labour, weekly]
        let kept = await DaemonHarness.started(obligations, at: Fixtures.start, store: InMemoryStateStore())
        let refused = await DaemonHarness.started(obligations, at: Fixtures.start, store: InMemoryStateStore())
        let acknowledgement = ControlRequest.change(
            OccurrenceCommand(action: .acknowledge, obligationID: Self.labour.id, due: nil, note: nil)
        )
        for daemon in [kept, refused] {
            await daemon.advance(to: Fixtures.hanoi(2027, 9, 25))
            _ = await daemon.send(acknowledgement)
        }
        refused.schedule.fail(
            with: ScheduleLoadError(diagnostics: [
                ScheduleDiagnostic(
                    file: "schedule.toml",
                    line: 2,
                    column: 1,
                    scope: .file,
                    key: nil,
                    message: "expected `=`"
                )
            ])
        )
        await refused.reload()
        #expect(refused.sink.events(of: .reloadFailed).count == 1)

        let end = Fixtures.hanoi(2027, 10, 20)
        var deadlines: [[Instant]] = [[], []]
        var statuses: [[String]] = [[], []]
        for (side, daemon) in [kept, refused].enumerated() {
            for _ in 0..<100 {
                guard let next = daemon.clock.pendingDeadlines.min(), next <= end else { break }
                await daemon.advance(to: next)
                deadlines[side].append(next)
                statuses[side].append(daemon.status ?? "")
            }
        }
        #expect(deadlines[0].count > 10 && deadlines[0] == deadlines[1])
        #expect(statuses[0].contains { $0.contains("overdue") })
        let failure = "; reload failed at 2027-09-25 01:00 +00: 1 error (see journalctl -u ticklerd)"
        #expect(statuses[0].map { $0 + failure } == statuses[1])
        let firings = [kept, refused].map { $0.sink.firings.map { "\($0.kind) \($0.message)" } }
        #expect(firings[0].count > 10 && firings[0] == firings[1])
        try await kept.stop()
        try await refused.stop()
    }

    @Test func reloadOfAnUnchangedScheduleFiresNothingAgain() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        await daemon.advance(to: Fixtures.greetingDue.adding(seconds: 2 * Fixtures.day))
        #expect(daemon.sink.firings.count == 1)
        await daemon.reload()
        await daemon.reload()
        #expect(daemon.sink.firings.count == 1)
        #expect(daemon.clock.pendingDeadlines == [Fixtures.greetingDue.adding(seconds: 3 * Fixtures.day)])
        try await daemon.stop()
    }
}
