import Foundation
import Testing
import TicklerJournalSchema
import TicklerNotify
import TicklerTestKit

/// The exec channel: the argument vector and environment as configured, no shell, a timeout.
@Suite(.timeLimit(.minutes(1)))
struct ExecDeliveryTests {
    @Test func argumentsAndEnvironmentArriveVerbatimWithoutAShell() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The recorder writes its arguments and environment NUL-separated, so nothing is interpreted on the way.
        let script = try directory.write(
            "#!/usr/bin/python3\nimport os, sys\nopen(sys.argv[1], 'w').write('\\0'.join(sys.argv[2:]) + '\\n' + "
                + "'\\0'.join(k + '=' + v for k, v in sorted(os.environ.items())))\n",
            to: "record.py"
        )
        chmod(script, 0o755)
        let output = directory.file("out")
        let configuration = try NotifyFixtures.configuration(
            """
            [channel.script]
            kind = "exec"
            command = ["\(script)", "\(output)", "--urgent", "a;b", "$(touch \(directory.file("pwned")))", "*"]
            environment = { OFFICE = "Sở Ngoại vụ", PYTHONCOERCECLOCALE = "0" }
            """
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let sink = RecordingSink()
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: sink)
        let title = "Gia hạn $(touch \(directory.file("pwned"))); echo `id` && rm -rf / ; 'x' \"y\""
        let event = NotifyFixtures.event("labour-agreement", title: title, kind: "reminder", channels: ["script"])
        try await log.enqueue([event], cursor: nil, now: 0)
        #expect(try await dispatcher.dispatch(now: 0) == 1)
        #expect(sink.events.elements.map(\.kind) == [.delivered])
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let parts = text.split(separator: "\n", maxSplits: 1).map(String.init)
        #expect(
            parts[0].split(separator: "\0").map(String.init) == [
                "--urgent", "a;b", "$(touch \(directory.file("pwned")))", "*",
            ]
        )
        let environment = Dictionary(
            parts[1].split(separator: "\0").map { entry in
                let pair = entry.split(separator: "=", maxSplits: 1).map(String.init)
                return (pair[0], pair.count > 1 ? pair[1] : "")
            },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(environment["TICKLER_TITLE"] == title)
        #expect(environment["TICKLER_EVENT"] == "reminder")
        #expect(environment["TICKLER_OBLIGATION"] == "labour-agreement")
        #expect(environment["TICKLER_DUE"] == "2027-10-01T08:00:00+07:00")
        #expect(environment["TICKLER_STAGE"] == "remind-7d")
        #expect(environment["TICKLER_LEAD"] == "7d")
        #expect(environment["TICKLER_CHANNEL"] == "script")
        #expect(environment["TICKLER_DELIVERY_KEY"] == event.key(channel: "script").hex)
        #expect(environment["OFFICE"] == "Sở Ngoại vụ")
        #expect(environment["PATH"] == "/usr/local/bin:/usr/bin:/bin")
        // Nothing of the notifier's own environment leaks into the program's (PYTHONCOERCECLOCALE=0 keeps Python
        // from adding LC_CTYPE itself).
        let own = Set(environment.keys).subtracting(["PATH", "OFFICE", "PYTHONCOERCECLOCALE"])
        #expect(own.allSatisfy { $0.hasPrefix("TICKLER_") }, "\(own.sorted())")
        #expect(!FileManager.default.fileExists(atPath: directory.file("pwned")))
    }

    @Test func aProgramPastItsTimeoutIsKilledAndRetried() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = try NotifyFixtures.configuration(
            "[channel.slow]\nkind = \"exec\"\ncommand = [\"/bin/sleep\", \"30\"]\ntimeout = \"1s\"\n"
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let sink = RecordingSink()
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: sink)
        try await log.enqueue([NotifyFixtures.event("a", channels: ["slow"])], cursor: nil, now: 0)
        let started = Date()
        #expect(try await dispatcher.dispatch(now: 0) == 1)
        // Killed at its timeout: well before the program's own 30 s (a loaded machine delays the kill, never
        // brings it forward).
        #expect(Date().timeIntervalSince(started) < 29)
        #expect(try await log.deliveries().map(\.state) == [.failed])
        #expect(sink.events.elements.first?.values[.error] == "/bin/sleep timed out after 1 s")
    }

    @Test(
        "exit statuses: 0 sent, sysexits of bad input permanent, others retried",
        arguments: [(0, DeliveryState.sent), (1, .failed), (75, .failed), (67, .dead), (78, .dead)]
    )
    func exitStatus(code: Int, state: DeliveryState) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = try NotifyFixtures.configuration(
            "[channel.s]\nkind = \"exec\"\ncommand = [\"/bin/sh\", \"-c\", \"exit \(code)\"]\n"
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: RecordingSink())
        try await log.enqueue([NotifyFixtures.event("a", channels: ["s"])], cursor: nil, now: 0)
        try await dispatcher.dispatch(now: 0)
        #expect(try await log.deliveries().map(\.state) == [state])
    }
}
