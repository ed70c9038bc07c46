import Foundation
import Testing
import TicklerSchedule

@testable import TicklerControl

/// The operator's side of ticklerctl as a process: tables fitted to `$COLUMNS`, `--no-legend`, the pager on a
/// terminal (`script(1)` gives it one), `--version`, one error prefix, and the completion scripts.
@Suite("ticklerctl views as a process", .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built"))
struct TableViewProcessTests {
    /// A schedule with long Vietnamese and Chinese titles, in a temporary directory removed by the caller.
    static func schedule() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = """
            [defaults]
            timezone = "Asia/Ho_Chi_Minh"

            [[obligation]]
            id = "labour-agreement-van-son"
            title = "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn, tỉnh Vân Nam"
            every = "5y"
            start = "2014-12-15"

            [[obligation]]
            id = "spring-festival-greetings-yunnan"
            title = "Gửi thư chúc mừng Tết Xuân (春节) tới Ủy ban Nhân dân tỉnh Vân Nam (云南省人民政府)"
            lunar = "12-20"
            calendar = "chinese"
            """
        try text.write(to: directory.appendingPathComponent("schedule.toml"), atomically: true, encoding: .utf8)
        return directory
    }

    /// The `script(1)` of util-linux, which runs a command on a pseudo-terminal.
    static let script: String? = ["/usr/bin/script", "/bin/script"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(arguments: ["list", "upcoming"])
    func tablesFitColumnsAndEllipsizeByDisplayWidth(verb: String) throws {
        let directory = try Self.schedule()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [verb, "--config", directory.path, "--after", "2026-11-29T00:00+07:00"]
        let narrow = try TicklerctlProcess.run(arguments, environment: ["COLUMNS": "110"])
        #expect(narrow.status == 0)
        let lines = narrow.output.split(separator: "\n").map(String.init)
        #expect(lines.count >= 4)
        for line in lines { #expect(DisplayWidth.of(line) <= 110, "\(line)") }
        #expect(lines.dropFirst().first?.hasSuffix("…") == true)
        // Not a terminal and no $COLUMNS: nothing is cut, as systemctl leaves piped output whole.
        let piped = try TicklerctlProcess.run(arguments)
        #expect(piped.status == 0)
        #expect(!piped.output.contains("…"))
        #expect(piped.output.split(separator: "\n").contains { DisplayWidth.of($0) > 110 })
    }

    @Test func noLegendPrintsOnlyTheRows() throws {
        let directory = try Self.schedule()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try TicklerctlProcess.run(["list", "--no-legend", "--config", directory.path])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0].contains("labour-agreement-van-son") || lines[0].contains("spring-festival"))
        #expect(!result.output.contains("NEXT DUE") && !result.output.contains("listed."))
        let upcoming = try TicklerctlProcess.run(["upcoming", "--no-legend", "-n", "2", "--config", directory.path])
        #expect(upcoming.output.split(separator: "\n").count == 2)
    }

    @Test(.enabled(if: script != nil, "script(1) is not installed"))
    func onATerminalTheTableGoesThroughThePagerWithSystemdsLessOptions() throws {
        let directory = try Self.schedule()
        defer { try? FileManager.default.removeItem(at: directory) }
        let paged = directory.appendingPathComponent("paged")
        let options = directory.appendingPathComponent("less")
        let executable = try #require(TicklerctlProcess.executable).path
        let command = "'\(executable)' list --config '\(directory.path)'"
        let pager = "cat > '\(paged.path)'; printf '%s %s\\n' \"$LESS\" \"$LESSCHARSET\" > '\(options.path)'"
        let result = try TicklerctlProcess.run(
            ["-qec", command, "/dev/null"],
            executable: URL(fileURLWithPath: try #require(Self.script)),
            environment: ["SYSTEMD_PAGER": pager, "TERM": "xterm", "COLUMNS": "100"]
        )
        #expect(result.status == 0)
        let text = try String(contentsOf: paged, encoding: .utf8)
        #expect(text.contains("labour-agreement-van-son"))
        #expect(text.contains("2 obligations listed."))
        // The terminal's width was taken before the pager took standard output.
        for line in text.split(separator: "\n") {
            let plain = line.replacing("\u{1B}[1m", with: "").replacing("\u{1B}[0m", with: "")
            #expect(DisplayWidth.of(plain) <= 100, "\(line)")
        }
        #expect(try String(contentsOf: options, encoding: .utf8) == "FRSXMK utf-8\n")
        // --no-pager writes to the terminal itself.
        try FileManager.default.removeItem(at: paged)
        let direct = try TicklerctlProcess.run(
            ["-qec", command + " --no-pager", "/dev/null"],
            executable: URL(fileURLWithPath: try #require(Self.script)),
            environment: ["SYSTEMD_PAGER": pager, "TERM": "xterm"]
        )
        #expect(direct.status == 0)
        #expect(direct.output.contains("labour-agreement-van-son"))
        #expect(!FileManager.default.fileExists(atPath: paged.path))
    }

    @Test func versionComesFromOnePlace() throws {
        let result = try TicklerctlProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "ticklerctl \(TicklerVersion.number)\n")
        let daemon = try #require(TicklerctlProcess.executable).deletingLastPathComponent().appendingPathComponent(
            "ticklerd"
        )
        if FileManager.default.isExecutableFile(atPath: daemon.path) {
            let ticklerd = try TicklerctlProcess.run(["--version"], executable: daemon)
            #expect(ticklerd.status == 0)
            #expect(ticklerd.output == "ticklerd \(TicklerVersion.number)\n")
        }
    }

    @Test(arguments: [
        ["lunar", "2027-02-30"], ["calendar", "--every", "1d"], ["upcoming", "--count=-1"],
        ["list", "--after", "soon"],
        ["list", "--bogus"], ["validate", "--config", "/nonexistent/tickler"],
    ])
    func everyVerbPrefixesItsErrorsAlike(arguments: [String]) throws {
        let result = try TicklerctlProcess.run(arguments)
        #expect(result.status == 1)
        let lines = result.error.split(separator: "\n")
        #expect(lines.last?.hasPrefix("ticklerctl: ") == true, "\(result.error)")
        #expect(!result.error.contains("ticklerctl lunar:") && !result.error.contains("Error:"))
    }

    @Test func completionScriptsForThreeShells() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        let script = root.appendingPathComponent("Deploy/completions.sh").standardized
        let executable = try #require(TicklerctlProcess.executable).path
        let result = try TicklerctlProcess.run(
            [script.path, output.path, executable],
            executable: URL(fileURLWithPath: "/bin/sh")
        )
        #expect(result.status == 0, "\(result.error)")
        let bash = try String(contentsOf: output.appendingPathComponent("ticklerctl.bash"), encoding: .utf8)
        let zsh = try String(contentsOf: output.appendingPathComponent("_ticklerctl"), encoding: .utf8)
        let fish = try String(contentsOf: output.appendingPathComponent("ticklerctl.fish"), encoding: .utf8)
        #expect(bash.contains("complete -o filenames -F _ticklerctl ticklerctl"))
        #expect(zsh.hasPrefix("#compdef ticklerctl"))
        #expect(fish.contains("complete -c 'ticklerctl'"))
        // The verbs and their new options are offered.
        for word in ["calendar", "--obligation", "--no-pager"] { #expect(bash.contains(word)) }
    }
}
