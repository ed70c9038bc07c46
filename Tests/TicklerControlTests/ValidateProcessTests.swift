import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `ticklerctl validate` beyond loading: what ticklerd's service user cannot read, a missing main file, `--json`.
@Suite(
    "ticklerctl validate as a process",
    .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built")
)
struct ValidateProcessTests {
    static let main = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"

        [[obligation]]
        id = "labour-agreement-van-son"
        title = "Gia hạn Thỏa thuận với châu Văn Sơn"
        every = "5y"
        start = "2014-12-15"

        """
    static let dropIn = """
        [[obligation]]
        id = "scholarship-guangxi"
        title = "Tuyển sinh học bổng Quảng Tây"
        once = "2027-10-15"

        """

    /// A fresh configuration directory with `files` (name → text, mode), removed by the caller's `defer`.
    private func configuration(_ files: [(String, String, Int)]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("schedule.d"),
            withIntermediateDirectories: true
        )
        for (name, text, mode) in files {
            let file = url.appendingPathComponent(name)
            try text.write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        return url
    }

    /// The parsed `--json` object.
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aDropInTheServiceUserCannotReadIsAnErrorEvenWhenTheCallerCanReadIt() throws {
        let config = try configuration([
            ("schedule.toml", Self.main, 0o644), ("schedule.d/30-secret.toml", Self.dropIn, 0o600),
        ])
        defer { try? FileManager.default.removeItem(at: config) }
        let secret = config.path + "/schedule.d/30-secret.toml"
        let result = try TicklerctlProcess.run(["validate", "--config", config.path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines.first?.hasPrefix("\(secret): ticklerd's service user cannot read this (mode 0600, owner ") == true
        )
        #expect(lines.first?.contains("dynamic user (DynamicUser=yes)") == true)
        #expect(lines.first?.contains("chmod o+r \(secret)") == true)
        #expect(lines.last == "ticklerctl: \(config.path): 1 error, ticklerd would refuse the schedule")
    }

    @Test func aConfigurationDirectoryOthersCannotListIsAnError() throws {
        let config = try configuration([
            ("schedule.toml", Self.main, 0o644), ("schedule.d/30-x.toml", Self.dropIn, 0o644),
        ])
        defer { try? FileManager.default.removeItem(at: config) }
        let dropIns = config.path + "/schedule.d"
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: dropIns)
        let result = try TicklerctlProcess.run(["validate", "--config", config.path, "--json"])
        #expect(result.status == 1)
        let report = try json(result.output)
        #expect(report["valid"] as? Bool == false)
        let errors = try #require(report["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["file"] as? String == dropIns)
        #expect(
            (errors.first?["message"] as? String)?.hasPrefix("ticklerd's service user cannot list this (mode 0750")
                == true
        )
    }

    @Test func aMissingMainFileIsAWarningNamingTheDefaultsThatAreLost() throws {
        let config = try configuration([("schedule.d/30-x.toml", Self.dropIn, 0o644)])
        defer { try? FileManager.default.removeItem(at: config) }
        let result = try TicklerctlProcess.run(["validate", "--config", config.path])
        #expect(result.status == 0)
        #expect(result.output == "\(config.path): 1 obligation in 1 file, no errors\n")
        let warning = try #require(result.error.split(separator: "\n").first.map(String.init))
        #expect(warning.hasPrefix("\(config.path)/schedule.toml: warning: no main schedule file: no shared [defaults]"))
        #expect(warning.contains("timezone = the system zone ("))
        #expect(warning.contains("remind = [\"7d\", \"1d\"]"))
    }

    @Test func jsonReportsEveryErrorWithItsPlaceAndTheFilesRead() throws {
        let broken = Self.main.replacingOccurrences(of: "\"5y\"", with: "\"5q\"")
        let config = try configuration([("schedule.toml", broken, 0o644), ("schedule.d/30-x.toml", Self.dropIn, 0o644)])
        defer { try? FileManager.default.removeItem(at: config) }
        let result = try TicklerctlProcess.run(["validate", "--config", config.path, "--json"])
        #expect(result.status == 1)
        #expect(result.error.isEmpty)
        let report = try json(result.output)
        #expect(report["valid"] as? Bool == false)
        #expect(report["obligations"] is NSNull)
        #expect(
            report["files"] as? [String] == [config.path + "/schedule.toml", config.path + "/schedule.d/30-x.toml"]
        )
        #expect((report["warnings"] as? [Any])?.isEmpty == true)
        let error = try #require((report["errors"] as? [[String: Any]])?.first)
        #expect(error["file"] as? String == config.path + "/schedule.toml")
        #expect(error["line"] as? Int == 7)
        #expect(error["column"] as? Int == 1)
        #expect(error["obligation"] as? String == "labour-agreement-van-son")
        #expect(error["key"] as? String == "every")
        #expect((error["message"] as? String)?.contains("\"5q\"") == true)
    }

    @Test func jsonOfAValidScheduleCountsItsObligations() throws {
        let config = try configuration([
            ("schedule.toml", Self.main, 0o644), ("schedule.d/30-x.toml", Self.dropIn, 0o644),
        ])
        defer { try? FileManager.default.removeItem(at: config) }
        let result = try TicklerctlProcess.run(["validate", "--config", config.path, "--json"])
        #expect(result.status == 0)
        let report = try json(result.output)
        #expect(report["valid"] as? Bool == true)
        #expect(report["obligations"] as? Int == 2)
        #expect((report["errors"] as? [Any])?.isEmpty == true)
    }

    @Test(
        "notify.toml beside the schedule is checked by tickler-notify",
        .enabled(
            if: TicklerctlProcess.executable.map {
                FileManager.default.isExecutableFile(
                    atPath: $0.deletingLastPathComponent().appendingPathComponent("tickler-notify").path
                )
            } == true,
            "tickler-notify is not built"
        )
    )
    func notifyConfigurationIsChecked() throws {
        let config = try configuration([("schedule.toml", Self.main, 0o644)])
        defer { try? FileManager.default.removeItem(at: config) }
        let notify = config.appendingPathComponent("notify.toml")
        try "[channel.chat]\nkind = \"webhok\"\n".write(to: notify, atomically: false, encoding: .utf8)
        let bad = try TicklerctlProcess.run(["validate", "--config", config.path])
        #expect(bad.status == 1)
        #expect(
            bad.error.contains(
                notify.path
                    + ":2:1: channel \"chat\": key \"kind\": unknown kind \"webhok\" (expected mail, webhook or exec)"
            ),
            "\(bad.error)"
        )
        try "[channel.chat]\nkind = \"webhook\"\nurl = \"http://127.0.0.1:9/\"\n".write(
            to: notify,
            atomically: false,
            encoding: .utf8
        )
        let good = try TicklerctlProcess.run(["validate", "--config", config.path])
        #expect(good.status == 0, "\(good.error)")
        #expect(good.output.contains("notify.toml: channels checked, no errors"))
    }
}
