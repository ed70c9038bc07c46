import Foundation
import Testing
import TicklerControlProtocol
import TicklerTestKit

@Suite("ticklerctl's verbs that ask the running daemon, against a fake one")
struct ControlVerbsProcessTests {
    /// The stderr line of a refused caller, exactly as issue 9 words it.
    static let permissionLine =
        #"ticklerctl: permission denied: acknowledging needs root or membership of group "tickler""#

    @Test func ackSendsTheCommandAndSaysWhatChanged() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let result = try await TicklerctlProcess.runAside([
            "ack", "renewal", "--due", "2027-01-28", "--note", "signed", "--socket", harness.socketPath,
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "renewal due 2027-01-28 08:00 +07: overdue → acknowledged\n")
        let sent = harness.handler.handled.elements.map(\.request)
        #expect(
            sent == [
                .change(
                    OccurrenceCommand(action: .acknowledge, obligationID: "renewal", due: "2027-01-28", note: "signed")
                )
            ]
        )
    }

    @Test func snoozeSkipAndReopenSendTheirCommands() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let environment = ["TICKLER_CONTROL_SOCKET": harness.socketPath]
        let snooze = try await TicklerctlProcess.runAside(
            ["snooze", "renewal", "--for", "2d", "--json"],
            environment: environment
        )
        #expect(snooze.status == 0, "\(snooze.error)")
        #expect(
            snooze.output.contains(#""to": "snoozed""#)
                && snooze.output.contains(#""snoozed_until": "2027-01-29T08:00:00+07:00""#)
        )
        let skip = try await TicklerctlProcess.runAside(
            ["skip", "renewal", "--note", "closed"],
            environment: environment
        )
        #expect(skip.status == 0 && skip.output.hasSuffix("overdue → skipped\n"))
        let reopen = try await TicklerctlProcess.runAside(
            ["reopen", "renewal", "--due", "2027-01-28"],
            environment: environment
        )
        #expect(reopen.status == 0)
        #expect(
            harness.handler.handled.elements.map(\.request) == [
                .change(OccurrenceCommand(action: .snooze, obligationID: "renewal", snoozeFor: "2d")),
                .change(OccurrenceCommand(action: .skip, obligationID: "renewal", note: "closed")),
                .change(OccurrenceCommand(action: .reopen, obligationID: "renewal", due: "2027-01-28")),
            ]
        )
    }

    @Test(arguments: [
        ["snooze", "x"], ["snooze", "x", "--for", "1d", "--until", "2027-01-01T00:00"], ["skip", "x"],
        ["skip", "x", "--note", " "], ["reopen", "x"], ["ack"],
    ])
    func incompleteChangesAreRefusedBeforeAnythingIsSent(arguments: [String]) async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let result = try await TicklerctlProcess.runAside(arguments + ["--socket", harness.socketPath])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("ticklerctl: "))
        #expect(harness.handler.handled.elements.isEmpty)
    }

    @Test(arguments: [["ack", "x"], ["status"], ["history", "x"], ["skip", "x", "--note", "n"]])
    func aRefusedCallerGetsTheMessageAndExitStatus4(arguments: [String]) async throws {
        let harness = try ControlServerHarness(authorizer: ControlServerHarness.nobody)
        defer { Task { await harness.stop() } }
        let result = try await TicklerctlProcess.runAside(arguments + ["--socket", harness.socketPath])
        #expect(result.status == 4)
        #expect(result.error == Self.permissionLine + "\n")
        #expect(result.output.isEmpty)
    }

    @Test func listAndUpcomingPlanFromTheFilesForACallerTheDaemonRefuses() async throws {
        let harness = try ControlServerHarness(authorizer: ControlServerHarness.nobody)
        defer { Task { await harness.stop() } }
        try harness.directory.write(
            "[[obligation]]\nid = \"o\"\ntitle = \"T\"\nonce = \"2099-01-01T09:00\"\n",
            to: "config/schedule.toml"
        )
        let environment = ["CONFIGURATION_DIRECTORY": harness.directory.file("config")]
        for verb in ["list", "upcoming"] {
            let result = try await TicklerctlProcess.runAside(
                [verb, "--socket", harness.socketPath],
                environment: environment
            )
            #expect(result.status == 0)
            #expect(
                result.error
                    == Self.permissionLine
                    + "; planning from the files in \(harness.directory.file("config")) instead\n"
            )
            #expect(result.output.contains("2099-01-01 09:00"))
        }
    }

    @Test func theDaemonsRefusalIsSaidWithExitStatus1() async throws {
        let handler = FakeControlHandler { _, _ in
            .failure(
                ControlFailure(
                    .conflict,
                    #"obligation "renewal": the occurrence due 2027-01-28 is already acknowledged"#
                )
            )
        }
        let harness = try ControlServerHarness(handler: handler)
        defer { Task { await harness.stop() } }
        let result = try await TicklerctlProcess.runAside(["ack", "renewal", "--socket", harness.socketPath])
        #expect(result.status == 1)
        #expect(
            result.error == #"ticklerctl: obligation "renewal": the occurrence due 2027-01-28 is already acknowledged"#
                + "\n"
        )
    }

    @Test(arguments: [["ack", "x"], ["snooze", "x", "--for", "1h"], ["history", "x"], ["status"]])
    func verbsThatNeedTheDaemonExit3WhenItIsNotRunning(arguments: [String]) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try await TicklerctlProcess.runAside(
            arguments + ["--socket", directory.file("control.socket")],
            environment: ["CONFIGURATION_DIRECTORY": directory.path]
        )
        #expect(result.status == 3)
        let said = result.error + result.output
        #expect(said.contains("ticklerd is not running (no ticklerd listens on \(directory.file("control.socket")))"))
    }

    @Test func statusShowsTheDaemonsView() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let result = try await TicklerctlProcess.runAside(
            ["status", "--socket", harness.socketPath],
            environment: ["TZ": "UTC"]
        )
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("● ticklerd is running: pid 42, version 0.0.0-test, since ") == true)
        #expect(lines.contains("    Schedule: /etc/tickler (1 obligation), loaded 2027-01-20 00:00 +00"))
        #expect(lines.contains("       Files: /etc/tickler/schedule.toml"))
        #expect(lines.contains(" Occurrences: 1 upcoming, 0 reminding, 0 due, 0 overdue, 0 escalated, 0 snoozed"))
        #expect(lines.contains(" Last reload: none since the start"))
        #expect(
            lines.contains {
                $0.hasPrefix("2027-01-21 08:00 +07") && $0.contains("remind-7d") && $0.contains("renewal")
            }
        )
        let json = try await TicklerctlProcess.runAside(["status", "--json", "--socket", harness.socketPath])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["running"] as? Bool == true)
        #expect((object["counts"] as? [String: Int])?["upcoming"] == 1)
        #expect((object["next"] as? [[String: Any]])?.first?["fire_at"] as? String == "2027-01-21T08:00:00+07:00")
    }

    @Test func statusWithoutTheDaemonPlansFromTheFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "[[obligation]]\nid = \"o\"\ntitle = \"T\"\nonce = \"2099-01-01T09:00\"\n",
            to: "schedule.toml"
        )
        let arguments = ["status", "--config", directory.path, "--socket", directory.file("control.socket")]
        let result = try await TicklerctlProcess.runAside(arguments)
        #expect(result.status == 3)
        #expect(result.output.hasPrefix("○ ticklerd is not running"))
        #expect(result.output.contains(" Schedule: \(directory.path) (1 obligation), planned from the files"))
        #expect(result.output.contains("2099-01-01 09:00"))
        let json = try await TicklerctlProcess.runAside(arguments + ["--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["running"] as? Bool == false && object["obligations"] as? Int == 1)
    }

    @Test func historyShowsEntriesOldestFirst() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let table = try await TicklerctlProcess.runAside(
            ["history", "renewal", "--socket", harness.socketPath],
            environment: ["TZ": "UTC"]
        )
        #expect(table.status == 0, "\(table.error)")
        #expect(table.output.contains("reminder remind-7d"))
        #expect(table.output.hasSuffix("1 entry listed.\n"))
        let json = try await TicklerctlProcess.runAside(
            ["history", "renewal", "--json", "--socket", harness.socketPath],
            environment: ["TZ": "UTC"]
        )
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(entries.count == 1 && entries.first?["event"] as? String == "reminder")
        #expect(entries.first?["at"] as? String == "2027-01-21T01:00:00+00:00")
    }

    @Test func listAndUpcomingAskTheRunningDaemon() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let environment = ["TICKLER_CONTROL_SOCKET": harness.socketPath]
        let list = try await TicklerctlProcess.runAside(["list", "--no-pager"], environment: environment)
        #expect(list.status == 0 && list.error.isEmpty, "\(list.error)")
        #expect(list.output.contains("from the running ticklerd") && list.output.contains("upcoming"))
        let upcoming = try await TicklerctlProcess.runAside(
            ["upcoming", "--json", "-n", "3"],
            environment: environment
        )
        #expect(upcoming.output.contains(#""state": "upcoming""#))
        #expect(
            harness.handler.handled.elements.map(\.request) == [
                .list, .upcoming(days: 3660, limit: 3, obligationID: nil),
            ]
        )
    }

    @Test(arguments: ["ack", "snooze", "skip", "reopen", "history"])
    func shellsCompleteTheObligationIdsOfTheSchedule(verb: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let obligations = ["renewal", "tet-greetings", "tet-visit"].map {
            "[[obligation]]\nid = \"\($0)\"\ntitle = \"T\"\nonce = \"2099-01-01T09:00\"\n"
        }
        try directory.write(obligations.joined(separator: "\n"), to: "schedule.toml")
        let result = try TicklerctlProcess.run(
            ["---completion", verb, "--", "positional@0", "2", "3", "ticklerctl", verb, "tet"],
            environment: ["CONFIGURATION_DIRECTORY": directory.path]
        )
        #expect(result.output == "tet-greetings\ntet-visit\n")
    }

    @Test func listAndUpcomingFallBackToTheFilesSayingSo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "[[obligation]]\nid = \"o\"\ntitle = \"T\"\nonce = \"2099-01-01T09:00\"\n",
            to: "schedule.toml"
        )
        let environment = [
            "CONFIGURATION_DIRECTORY": directory.path, "TICKLER_CONTROL_SOCKET": directory.file("none.socket"),
        ]
        for verb in ["list", "upcoming"] {
            let result = try await TicklerctlProcess.runAside([verb], environment: environment)
            #expect(result.status == 0)
            #expect(
                result.error
                    == "ticklerctl: ticklerd is not running (no ticklerd listens on \(directory.file("none.socket"))); "
                    + "planning from the files in \(directory.path) instead\n"
            )
            #expect(result.output.contains("2099-01-01 09:00"))
        }
    }
}
