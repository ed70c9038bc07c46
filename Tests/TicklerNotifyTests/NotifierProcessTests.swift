import Foundation
import Testing
import TicklerNotify
import TicklerTestKit

/// The tickler-notify executable following real journal files (written by systemd-journal-remote): killed with
/// SIGKILL in the middle of a burst and restarted, it loses nothing, and what it repeats carries the same key.
@Suite(
    .serialized,
    .timeLimit(.minutes(6)),
    .enabled(if: NotifierProcess.executable != nil, "tickler-notify is not built"),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: NotifierProcess.journalRemote),
        "no systemd-journal-remote (Tests/test-deps.sh)"
    )
)
struct NotifierProcessTests {
    @Test func sigkillDuringABurstOf200LosesNothingAndRepeatsUnderTheSameKey() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.file("state"), withIntermediateDirectories: true)
        let server = try WebhookServer(in: directory)
        _ = try directory.write(
            "[channel.chat]\nkind = \"webhook\"\nurl = \"\(server.url)\"\ndigest = false\n",
            to: "notify.toml"
        )
        let journal = try NotifierProcess.writeJournal(count: 200, channels: "chat", in: directory)
        let expected = Set(
            (0..<200).map {
                DeliveryKey(obligation: "burst-\($0)", due: "2027-10-01T08:00:00+07:00", stage: "due", channel: "chat")
                    .hex
            }
        )
        var kills = 0
        for round in 0..<20 {
            let process = try NotifierProcess.start(directory, journal: journal)
            // Let it deliver a part of the burst, a different part each round.
            try await Task.sleep(for: .milliseconds(150 + 37 * (round % 7)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { kills += 1 }
        }
        #expect(kills == 20)
        // A last run without interruption delivers the rest: until the log records every delivery as sent (the
        // server may have a request the notifier has not recorded yet; that one would be sent again).
        let last = try NotifierProcess.start(directory, journal: journal)
        let log = try DeliveryLog(path: directory.file("state/deliveries.sqlite"))
        var rows: [Delivery] = []
        for _ in 0..<1800 {
            rows = (try? await log.deliveries()) ?? []
            if rows.count == 200, rows.allSatisfy({ $0.state == .sent }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(last.processIdentifier, SIGTERM)
        last.waitUntilExit()
        #expect(rows.count == 200)
        #expect(rows.allSatisfy { $0.state == .sent }, "\(rows.filter { $0.state != .sent }.count) not sent")
        let requests = server.requests()
        let keys = requests.compactMap { $0["key"] as? String }
        #expect(Set(keys) == expected, "lost: \(expected.subtracting(keys).count)")
        // A repeated request is the same delivery: its body names the same key as its header.
        for request in requests {
            let body = try #require((request["body"] as? String)?.data(using: .utf8))
            let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            #expect(document["key"] as? String == request["key"] as? String)
        }
        print("kill -9 test: \(requests.count) requests for 200 deliveries, \(requests.count - 200) repeated")
    }
}

extension NotifierProcessTests {
    @Test func aReloadBringsTheFirstChannelsAndABrokenFileKeepsTheChannelsInForce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.file("state"), withIntermediateDirectories: true)
        let server = try WebhookServer(in: directory)
        let journal = try NotifierProcess.writeJournal(count: 5, channels: "chat", in: directory)
        // No notify.toml: it idles.
        let errors = directory.file("stderr.log")
        let process = try NotifierProcess.start(directory, journal: journal, errorLog: errors)
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.requests().isEmpty)
        _ = try directory.write(
            "[channel.chat]\nkind = \"webhook\"\nurl = \"\(server.url)\"\ndigest = false\n",
            to: "notify.toml"
        )
        kill(process.processIdentifier, SIGHUP)
        var keys: Set<String> = []
        for _ in 0..<300 where keys.count < 5 {
            try await Task.sleep(for: .milliseconds(100))
            keys = Set(server.requests().compactMap { $0["key"] as? String })
        }
        #expect(keys.count == 5, "the reload brought the channel: \(keys.count) of 5 delivered")
        // A broken file: the reload fails, says where, and the notifier goes on with the channel in force.
        _ = try directory.write("[channel.chat]\nkind = \"pigeon\"\n", to: "notify.toml")
        kill(process.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(process.isRunning)
        // Graceful shutdown ends the journal wait at once.
        let stop = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(ContinuousClock.now - stop < .seconds(20))
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(said.contains("reloaded \(directory.path)/notify.toml: 1 channel"), "\(said)")
        #expect(said.contains("reload failed; the channels in force stay: \(directory.path)/notify.toml:2:"), "\(said)")
    }
}

/// The tickler-notify executable of the build and the journal files it follows in the tests.
enum NotifierProcess {
    /// systemd-journal-remote, which writes journal files from the export format.
    static let journalRemote = "/lib/systemd/systemd-journal-remote"

    /// The executable in the build directory of the tests.
    static let executable: URL? = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("tickler-notify")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Writes `count` due entries routed to `channels` into a journal file under `directory`/journal.
    static func writeJournal(count: Int, channels: String, in directory: TemporaryDirectory) throws -> String {
        let journal = directory.file("journal")
        try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
        let export = Process()
        export.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        export.arguments = [
            NotifyFixtures.root.appendingPathComponent("Tests/Notify/make-journal.py").path, String(count), channels,
        ]
        let pipe = Pipe()
        export.standardOutput = pipe
        let remote = Process()
        remote.executableURL = URL(fileURLWithPath: journalRemote)
        remote.arguments = ["-o", journal + "/remote.journal", "-"]
        remote.standardInput = pipe
        remote.standardError = FileHandle.nullDevice
        try remote.run()
        try export.run()
        export.waitUntilExit()
        remote.waitUntilExit()
        return journal
    }

    /// Starts the notifier on `directory`'s notify.toml, state and journal, its standard error into `errorLog`
    /// (else nowhere).
    static func start(_ directory: TemporaryDirectory, journal: String, errorLog: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--config", directory.path, "--state-dir", directory.file("state"), "--journal-directory", journal,
        ]
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: errorLog)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardOutput = FileHandle.nullDevice
        // Not the test process's service-manager variables: a suite of another target may have set NOTIFY_SOCKET
        // (process-wide) for its own socket, which must not receive this child's READY=1.
        var environment = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID", "JOURNAL_STREAM"] {
            environment[name] = nil
        }
        process.environment = environment
        try process.run()
        return process
    }
}
