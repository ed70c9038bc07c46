import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

/// The daemon on real schedule files in a temporary configuration directory, read by the real loader.
@Suite(.timeLimit(.minutes(1)))
struct ConfigurationDirectoryTests {
    static let main = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"
        at = "08:00"
        remind = ["7d"]
        overdue-every = "0"

        [[obligation]]
        id = "greeting-cn"
        title = "Thư chúc mừng Quốc khánh Trung Quốc"
        every = "1y"
        start = "2025-10-01"

        """
    static let dropIn = """
        [[obligation]]
        id = "scholarship-guangxi"
        title = "Tuyển sinh học bổng Quảng Tây"
        once = "2027-10-15"

        """

    @Test func reloadReadsDropInsAndReportsBrokenOnesWithTheirPosition() async throws {
        let config = try TemporaryDirectory()
        let state = try TemporaryDirectory()
        defer {
            config.remove()
            state.remove()
        }
        try config.write(Self.main, to: "schedule.toml")
        let daemon = DaemonHarness(
            schedule: ConfigurationSchedule(path: config.path),
            clock: ManualWallClock(Fixtures.start),
            stateDirectory: state.path,
            displayZone: Fixtures.hanoi
        )
        await daemon.started()
        #expect(
            daemon.status
                == "1 obligation; next: \"Thư chúc mừng Quốc khánh Trung Quốc\" reminder in 3 days (2027-09-24 08:00 +07)"
        )

        try config.write(Self.dropIn, to: "schedule.d/10-scholarships.toml")
        await daemon.reload()
        #expect(
            daemon.sink.events(of: .reloaded).map(\.message) == [
                "reloaded \(config.path): 2 obligations from 2 files"
            ]
        )
        #expect(daemon.status?.hasPrefix("2 obligations; ") == true)

        try config.write(Self.dropIn + "title = \n", to: "schedule.d/20-broken.toml")
        await daemon.reload()
        let failure = try #require(daemon.sink.events(of: .reloadFailed).first)
        #expect(failure.message.hasPrefix("reload failed: \(config.path)/schedule.d/20-broken.toml:"))
        #expect(daemon.status?.hasPrefix("2 obligations; ") == true)
        #expect(daemon.status?.contains("reload failed at 2027-09-21 08:00 +07: ") == true)
        try await daemon.stop()
    }

    @Test func aMissingConfigurationIsAStartupErrorNamingThePath() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = DaemonHarness(
            schedule: ConfigurationSchedule(path: state.file("no-such-config")),
            clock: ManualWallClock(Fixtures.start),
            stateDirectory: state.path
        )
        let error = try #require(await daemon.ended() as? StartupError)
        #expect(error.location == state.file("no-such-config"))
        #expect(error.problems.first?.hasPrefix(state.file("no-such-config")) == true)
    }

    struct PathCase: Sendable {
        let commandLine: String?
        let environment: [String: String]
        let expected: String
    }

    @Test(
        "schedule path: --config, else $CONFIGURATION_DIRECTORY, else /etc/tickler",
        arguments: [
            PathCase(
                commandLine: "/srv/tickler.toml",
                environment: ["CONFIGURATION_DIRECTORY": "/etc/x"],
                expected: "/srv/tickler.toml"
            ),
            PathCase(
                commandLine: nil,
                environment: ["CONFIGURATION_DIRECTORY": "/etc/tickler:/etc/other"],
                expected: "/etc/tickler"
            ),
            PathCase(commandLine: nil, environment: [:], expected: "/etc/tickler"),
        ]
    )
    func configurationPath(_ example: PathCase) {
        #expect(
            ConfigurationPath.resolve(commandLine: example.commandLine, environment: example.environment)
                == example.expected
        )
    }

    @Test func resolvedConfigurationUsesBothRules() throws {
        let configuration = try DaemonConfiguration.resolve(
            configPath: nil,
            stateDirectory: "/srv/state",
            environment: ["CONFIGURATION_DIRECTORY": "/etc/tickler", "STATE_DIRECTORY": "/var/lib/tickler"]
        )
        #expect(configuration.schedule.location == "/etc/tickler")
        #expect(configuration.stateDirectory == StateDirectory(path: "/var/lib/tickler", origin: .systemd))
    }
}
