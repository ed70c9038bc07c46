import Foundation
import Testing

@testable import TicklerSchedule

/// The man pages in `Deploy/man` name every option of the programs and every key of the schedule, and render
/// without warnings.
@Suite("Man pages", .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built"))
struct ManPageTests {
    /// The checkout's `Deploy/man`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Deploy/man").standardized

    /// A page's roff source with `\-` read as `-`.
    static func page(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).replacing("\\-", with: "-")
    }

    /// The long options (`--config`) a help text lists.
    static func options(inHelp help: String) -> Set<String> {
        var found: Set<String> = []
        for line in help.split(separator: "\n") where line.hasPrefix("  -") {
            // `  -n, --count <count>     How many…`: the option's names come first, then its value and its help.
            for word in line.split(separator: " ").prefix(while: { $0.hasPrefix("-") || $0.hasPrefix("<") })
            where word.hasPrefix("--") {
                found.insert(String(word.prefix { $0 != "," }))
            }
        }
        return found
    }

    /// The words set in bold or italic by the macro lines of a page (`.B`, `.BR`, `.BI`, `.TP` tags).
    static func taggedWords(_ page: String) -> Set<String> {
        var words: Set<String> = []
        for line in page.split(separator: "\n") where line.hasPrefix(".B") || line.hasPrefix(".I") {
            for word in line.dropFirst(3).split(whereSeparator: { " \"|,[]".contains($0) }) {
                words.insert(String(word))
            }
        }
        return words
    }

    @Test(arguments: [
        "list", "upcoming", "validate", "calendar", "lunar", "export", "state check", "status", "ack", "snooze", "skip",
        "reopen", "history",
    ])
    func ticklerctlPageNamesEveryOptionOfTheVerb(verb: String) throws {
        let help = try TicklerctlProcess.run(["help"] + verb.split(separator: " ").map(String.init))
        #expect(help.status == 0)
        let options = Self.options(inHelp: help.output)
        #expect(options.contains("--help"))
        let page = try Self.page("ticklerctl.1")
        for option in options { #expect(page.contains(option), "ticklerctl.1 does not name \(option) of \(verb)") }
    }

    @Test func ticklerdPageNamesEveryOption() throws {
        let daemon = try #require(TicklerctlProcess.executable).deletingLastPathComponent()
            .appendingPathComponent("ticklerd")
        try #require(FileManager.default.isExecutableFile(atPath: daemon.path))
        let help = try TicklerctlProcess.run(["--help"], executable: daemon)
        let options = Self.options(inHelp: help.output)
        #expect(options.isSuperset(of: ["--config", "--state-dir", "--version"]))
        let page = try Self.page("ticklerd.8")
        for option in options { #expect(page.contains(option), "ticklerd.8 does not name \(option)") }
    }

    @Test func schedulePageNamesEveryKey() throws {
        let words = Self.taggedWords(try Self.page("tickler.toml.5"))
        for key in ObligationParser.knownKeys + ScheduleDefaults.keys {
            #expect(words.contains(key), "tickler.toml.5 does not set the key \(key) in bold")
        }
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/mandoc"), "mandoc is not installed"),
        arguments: ["ticklerctl.1", "ticklerd.8", "tickler.toml.5"]
    )
    func pagesLintClean(name: String) throws {
        let result = try TicklerctlProcess.run(
            ["-T", "lint", Self.directory.appendingPathComponent(name).path],
            executable: URL(fileURLWithPath: "/usr/bin/mandoc")
        )
        #expect(result.status == 0)
        #expect(result.output.isEmpty && result.error.isEmpty, "\(result.output)\(result.error)")
    }
}
