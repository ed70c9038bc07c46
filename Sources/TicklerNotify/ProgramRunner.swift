import Foundation
import Subprocess
import SystemPackage

/// Runs a program with an argument vector (never through a shell), text on its standard input and an environment,
/// and turns its exit into a ``DeliveryOutcome``.
enum ProgramRunner {
    /// Runs `command` (an absolute path and its arguments) with `input` on standard input (none when nil) and
    /// exactly `environment`; its output is discarded, the first 4 KiB of its error output names a failure.
    static func run(_ command: [String], input: String?, environment: [String: String]) async -> DeliveryOutcome {
        guard let program = command.first else { return .permanent("no program to run") }
        guard FileManager.default.isExecutableFile(atPath: program) else {
            return .permanent("cannot run \(program): no such executable file")
        }
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment {
            guard let key = Environment.Key(rawValue: name) else { continue }
            variables[key] = value
        }
        do {
            let arguments = Arguments(Array(command.dropFirst()))
            let result =
                if let input {
                    try await Subprocess.run(
                        .path(FilePath(program)),
                        arguments: arguments,
                        environment: .custom(variables),
                        input: .string(input),
                        output: .discarded,
                        error: .string(limit: 4096)
                    )
                } else {
                    try await Subprocess.run(
                        .path(FilePath(program)),
                        arguments: arguments,
                        environment: .custom(variables),
                        output: .discarded,
                        error: .string(limit: 4096)
                    )
                }
            let detail = result.standardError.split(whereSeparator: \.isNewline).joined(separator: " ")
            switch result.terminationStatus {
            case .exited(let code):
                return DeliveryOutcome.exitStatus(code, program: program, detail: detail)
            case .signaled(let signal):
                return .temporary("\(program) was killed by signal \(signal)")
            }
        } catch {
            // It exists and is executable, so the failure may pass (no memory, no process slot, a closed pipe).
            return .temporary("running \(program) failed: \(error)")
        }
    }
}
