import Systemd
import Testing
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerTestKit

/// `ticklerd --check-config`, which the unit's `ExecReload=` runs before signalling the daemon.
@Suite
struct ConfigurationCheckTests {
    static let main = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"

        [[obligation]]
        id = "greeting-cn"
        title = "Thư chúc mừng Quốc khánh Trung Quốc"
        every = "1y"
        start = "2025-10-01"

        """

    @Test func aValidScheduleEndsWithOneInfoLineAndStatusZero() throws {
        let config = try TemporaryDirectory()
        defer { config.remove() }
        try config.write(Self.main, to: "schedule.toml")
        let check = ConfigurationCheck(configPath: config.path, environment: [:])
        #expect(check.isValid)
        #expect(check.exitStatus == 0)
        #expect(
            check.lines == [.init(priority: .info, text: "ticklerd: \(config.path): 1 obligation in 1 file, no errors")]
        )
    }

    @Test func everyErrorIsAnErrorLineAndTheStatusIsOne() throws {
        let config = try TemporaryDirectory()
        defer { config.remove() }
        try config.write(Self.main.split(separator: "\"1y\"").joined(separator: "\"1q\""), to: "schedule.toml")
        try config.write("[[obligation]]\nid = \"x\"\ntitle = \n", to: "schedule.d/20-broken.toml")
        let check = ConfigurationCheck(configPath: nil, environment: ["CONFIGURATION_DIRECTORY": config.path])
        #expect(!check.isValid)
        #expect(check.exitStatus == 1)
        #expect(check.lines.map(\.priority) == [.error, .error, .error])
        #expect(
            check.lines[0].text.hasPrefix("\(config.path)/schedule.toml:7:1: obligation \"greeting-cn\": key \"every\"")
        )
        #expect(check.lines[1].text.hasPrefix("\(config.path)/schedule.d/20-broken.toml:3:"))
        #expect(
            check.lines[2].text
                == "ticklerd: \(config.path): 2 errors, schedule refused (a running ticklerd keeps its schedule)"
        )
    }

    @Test func aMissingMainFileIsAWarningThatNamesTheLostDefaults() throws {
        let config = try TemporaryDirectory()
        defer { config.remove() }
        try config.write(
            "[[obligation]]\nid = \"x\"\ntitle = \"X\"\nonce = \"2027-06-30\"\n",
            to: "schedule.d/10-x.toml"
        )
        let check = ConfigurationCheck(configPath: config.path, environment: [:])
        #expect(check.isValid)
        #expect(check.lines.map(\.priority) == [.warning, .info])
        let warning = check.lines[0].text
        #expect(warning.hasPrefix("\(config.path)/schedule.toml: warning: no main schedule file: no shared [defaults]"))
        for lost in [
            "timezone = the system zone", "at = \"08:00\"", "remind = [\"7d\", \"1d\"]", "overdue-every = \"1d\"",
        ] {
            #expect(warning.contains(lost))
        }
    }

    @Test(arguments: [
        (Priority.error, true, "<3>x"), (.warning, true, "<4>x"), (.info, true, "<6>x"), (.error, false, "x"),
    ])
    func linesCarryTheSdDaemonPriorityPrefixOnlyForAJournalStream(priority: Priority, prefixed: Bool, expected: String)
    {
        #expect(
            ConfigurationCheck.Line(priority: priority, text: "x").rendered(withPriorityPrefix: prefixed) == expected
        )
    }
}
