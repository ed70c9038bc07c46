import Foundation

/// Finds and runs the `ticklerctl` executable.
enum TicklerctlProcess {
    /// The executable in the build directory of the tests, if it is there.
    static let executable: URL? = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("ticklerctl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Variables of the test's own environment that would change what ticklerctl prints, removed unless a test
    /// sets them: the width to fit tables to, the pager, the schedule's directory.
    static let isolatedVariables = [
        "COLUMNS", "SYSTEMD_PAGER", "PAGER", "CONFIGURATION_DIRECTORY", "NO_COLOR", "TICKLER_CONTROL_SOCKET",
    ]

    /// Runs it (or `program`) with `arguments` and `environment` set on top of the test's (less
    /// ``isolatedVariables``); returns the exit status, standard output and standard error.
    static func run(
        _ arguments: [String],
        executable program: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for name in isolatedVariables { variables[name] = nil }
        variables.merge(environment) { _, new in new }
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

    /// Runs it as ``run(_:executable:environment:)`` does, on a thread of its own, so that a test serving the
    /// control socket in-process keeps the threads of its tasks free while ticklerctl runs.
    static func runAside(
        _ arguments: [String],
        environment: [String: String] = [:]
    ) async throws -> (status: Int32, output: String, error: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(arguments, environment: environment) }) }.start()
        }
    }
}
