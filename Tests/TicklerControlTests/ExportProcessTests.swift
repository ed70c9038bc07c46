import Foundation
import Testing

/// `ticklerctl export --ics` as a process: options, errors, `--output`, and the independent-parser check.
@Suite(
    "ticklerctl export as a process",
    .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built")
)
struct ExportProcessTests {
    /// The checkout's root.
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// The sample schedule.
    private static let config = root.appendingPathComponent("Config").path

    /// Runs ticklerctl with `arguments` and `SOURCE_DATE_EPOCH` set to `epoch` (unset when nil).
    private func run(
        _ arguments: [String],
        epoch: String? = "1767225600"
    ) throws -> (status: Int32, output: String, error: String) {
        try Self.run(
            try #require(TicklerctlProcess.executable),
            arguments,
            environment: ["SOURCE_DATE_EPOCH": epoch, "TICKLER_CONTROL_SOCKET": Self.absentSocket]
        )
    }

    /// A control socket nobody listens on: these exports run without a daemon.
    private static let absentSocket = "/nonexistent/tickler-export-test.socket"

    /// What an export says on standard error without a daemon.
    private static let withoutDaemon =
        "ticklerctl: ticklerd is not running (no ticklerd listens on \(absentSocket)); acknowledgements are left out\n"

    /// Runs `executable` with `arguments`, this process's environment changed by `environment` (nil: removed).
    private static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String?]
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test("the sample schedule exports, CRLF throughout, the same octets twice with SOURCE_DATE_EPOCH")
    func sampleSchedule() throws {
        let arguments = ["export", "--ics", "--config", Self.config, "--after", "2027-01-01T00:00+07:00"]
        let first = try run(arguments)
        #expect(first.status == 0)
        #expect(first.error == Self.withoutDaemon)
        #expect(first.output.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(first.output.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!first.output.replacing("\r\n", with: "").contains("\n"))
        #expect(first.output.contains("DTSTAMP:20260101T000000Z\r\n"))
        #expect(first.output.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n"))
        #expect(first.output.components(separatedBy: "BEGIN:VEVENT").count - 1 > 20)
        #expect(try run(arguments).output == first.output)
        // Without SOURCE_DATE_EPOCH the stamp is now, so it differs.
        let now = try run(arguments, epoch: nil)
        #expect(now.status == 0)
        #expect(!now.output.contains("DTSTAMP:20260101T000000Z"))
    }

    @Test("--obligation keeps only the named obligations")
    func obligationFilter() throws {
        let result = try run([
            "export", "--ics", "--config", Self.config, "--after", "2027-01-01T00:00+07:00", "--days", "1500",
            "--obligation", "labour-agreement-van-son",
        ])
        #expect(result.status == 0)
        let uids = result.output.split(separator: "\r\n").filter { $0.hasPrefix("UID:") && !$0.contains("/remind-") }
        #expect(uids == ["UID:labour-agreement-van-son/20291215T010000Z@tickler"])
    }

    @Test("--output replaces the file atomically, with the mode of a new file and no temporary left")
    func output() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tickler-ics-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tickler.ics")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        let arguments = ["export", "--ics", "--config", Self.config, "--after", "2027-01-01T00:00+07:00"]
        let result = try run(arguments + ["--output", file.path])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        #expect(try Data(contentsOf: file) == Data(try run(arguments).output.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["tickler.ics"])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        let mask = umask(0o022)
        umask(mask)
        #expect(mode == 0o666 & ~Int(mask))
        let missing = try run(arguments + ["--output", directory.appendingPathComponent("no/such.ics").path])
        #expect(missing.status == 1)
        #expect(
            missing.error.hasPrefix(
                Self.withoutDaemon + "ticklerctl: --output: create a temporary file in \(directory.path)/no:"
            )
        )
    }

    @Test(
        "bad options and variables name themselves",
        arguments: [
            (["--days", "3661"], "1767225600", "ticklerctl: --days: 3661: must be 1…3660\n"),
            (["--days", "0"], "1767225600", "ticklerctl: --days: 0: must be 1…3660\n"),
            (["--obligation", "nope"], "1767225600", "ticklerctl: --obligation: nope: no such obligation in "),
            (["--after", "soon"], "1767225600", "ticklerctl: --after: soon: expected an ISO 8601 date"),
            (
                [], "yesterday",
                "ticklerctl: SOURCE_DATE_EPOCH: yesterday: expected whole seconds since 1970-01-01 UTC\n"
            ),
        ]
    )
    func badInput(extra: [String], epoch: String, message: String) throws {
        let result = try run(["export", "--ics", "--config", Self.config] + extra, epoch: epoch)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix(message))
    }

    @Test("the format must be said")
    func formatRequired() throws {
        let result = try run(["export", "--config", Self.config])
        #expect(result.status == 1)
        #expect(result.error == "ticklerctl: say which format: --ics (iCalendar) is the only one so far\n")
    }

    @Test("an every = \"1s\" obligation is refused with the limit, not written")
    func eventLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString).toml")
        try """
        [[obligation]]
        id = "every-second"
        title = "Too often"
        every = "1s"
        start = "2026-01-01T00:00"
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(["export", "--ics", "--config", file.path, "--after", "2026-06-01"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(
            result.error
                == "ticklerctl: more than 100000 occurrences in the window; narrow it with --days or --obligation\n"
        )
    }

    @Test("help export explains the verb with examples")
    func help() throws {
        let result = try run(["help", "export"])
        #expect(result.status == 0)
        #expect(result.output.contains("ticklerctl export --ics --days 730 --output /var/www/html/tickler.ics"))
        #expect(result.output.contains("SOURCE_DATE_EPOCH"))
    }

    /// The independent parser (Python icalendar + recurring-ical-events) reads the same instants as `upcoming`.
    ///
    /// Fails, with the install command, when the modules are missing: CI installs them
    /// (`python3 -m pip install -r Tests/ICS/requirements.txt`).
    @Test("Python icalendar and recurring-ical-events read upcoming's due times, for every recurrence kind")
    func independentParser() throws {
        let executable = try #require(TicklerctlProcess.executable)
        let script = Self.root.appendingPathComponent("Tests/ICS/check-ics.sh")
        let result = try Self.run(
            URL(fileURLWithPath: "/bin/bash"),
            [script.path, executable.deletingLastPathComponent().path],
            environment: [:]
        )
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Config: "))
        #expect(result.output.contains(" events of 11 obligations equal upcoming's due times"))
    }
}
