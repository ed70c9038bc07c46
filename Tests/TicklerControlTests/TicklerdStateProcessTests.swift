import Foundation
import Testing

/// `ticklerd` as a process on an unusable state file: refused with exit status 2 and the advice, or reset on
/// `--reset-state`.
@Suite(.enabled(if: TicklerctlProcess.executable != nil))
struct TicklerdStateProcessTests {
    /// ticklerd beside ticklerctl in the build directory.
    static let ticklerd: URL? = TicklerctlProcess.executable.map {
        $0.deletingLastPathComponent().appendingPathComponent("ticklerd")
    }.flatMap { FileManager.default.isExecutableFile(atPath: $0.path) ? $0 : nil }

    /// The checkout's sample schedule.
    static let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Config").path

    /// Runs ticklerd with `arguments`, stopping it with SIGTERM after `seconds` if it is still running.
    static func run(_ arguments: [String], stopAfter seconds: Double) throws -> (status: Int32, error: String) {
        let executable: URL = try #require(ticklerd)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "TZ": "UTC"]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func anEmptyStateIsRefusedWithStatus2AndResetOnRequest() throws {
        let directory = NSTemporaryDirectory() + "tickler-ticklerd-state-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(FileManager.default.createFile(atPath: directory + "/state.sqlite", contents: Data()))

        let refused = try Self.run(["--config", Self.config, "--state-dir", directory], stopAfter: 20)
        #expect(refused.status == 2)
        #expect(refused.error.contains("the file is empty (0 bytes)"))
        #expect(refused.error.contains("ticklerctl state check --state-dir \(directory)"))
        #expect(refused.error.contains("ticklerd --reset-state"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["state.sqlite"])

        let reset = try Self.run(["--config", Self.config, "--state-dir", directory, "--reset-state"], stopAfter: 3)
        #expect(reset.status == 0)
        #expect(reset.error.contains("state reset (--reset-state)"))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.contains("state.sqlite"))
        #expect(names.contains { $0.hasPrefix("state.sqlite.broken-") })
    }
}
