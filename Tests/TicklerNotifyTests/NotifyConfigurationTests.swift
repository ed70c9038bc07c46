import Foundation
import Testing
import TicklerNotify
import TicklerTestKit

/// notify.toml: the three kinds, credentials, the retry table, and diagnostics with their place.
@Suite struct NotifyConfigurationTests {
    /// The problems `text` gives, as text; empty when it loads.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try NotifyFixtures.configuration(text)
            return []
        } catch {
            return (error as? NotifyConfigurationError)?.diagnostics.map(\.description) ?? ["\(error)"]
        }
    }

    @Test func theIssuesExampleLoadsWithEveryKind() throws {
        let configuration = try NotifyFixtures.configuration(
            """
            [channel.office-mail]
            kind = "mail"
            to = ["doingoai@songoaivu.example"]
            from = "Tickler <tickler@localhost>"
            language = "vi"

            [channel.chat]
            kind = "webhook"
            url = "https://chat.example/hooks/abc"
            headers = { Authorization = "Bearer ${credential:chat-token}" }

            [channel.script]
            kind = "exec"
            command = ["/usr/local/bin/office-notify", "--urgent"]
            timeout = "5s"

            [retry]
            first = "2s"
            longest = "10min"
            give-up = "2h"
            """
        )
        #expect(configuration.channels.keys.sorted() == ["chat", "office-mail", "script"])
        let mail = try #require(configuration.channels["office-mail"])
        #expect(
            mail.kind == .mail(MailSettings(to: ["doingoai@songoaivu.example"], from: "Tickler <tickler@localhost>"))
        )
        #expect(mail.language == .vietnamese)
        #expect(mail.digest)
        let script = try #require(configuration.channels["script"])
        #expect(script.kind == .exec(ExecSettings(command: ["/usr/local/bin/office-notify", "--urgent"])))
        #expect(script.timeout == 5_000_000)
        #expect(!script.digest)
        #expect(
            configuration.retry == RetryPolicy(firstDelay: 2_000_000, longestDelay: 600_000_000, window: 7_200_000_000)
        )
    }

    @Test func credentialsAreReadFromTheCredentialsDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("s3cret\n", to: "chat-token")
        let text = """
            [channel.chat]
            kind = "webhook"
            url = "http://127.0.0.1:9/hook"
            headers = { Authorization = "Bearer ${credential:chat-token}", X-Other = "plain" }
            """
        let configuration = try NotifyConfiguration.load(
            text: text,
            path: "/etc/tickler/notify.toml",
            credentials: CredentialSource(directory: directory.path)
        )
        guard case .webhook(let settings) = configuration.channels["chat"]?.kind else {
            Issue.record("not a webhook")
            return
        }
        #expect(settings.headers.map(\.name) == ["Authorization", "X-Other"])
        #expect(settings.headers.map(\.value) == ["Bearer s3cret", "plain"])
        #expect(
            throws: NotifyConfigurationError.self,
            performing: {
                try NotifyConfiguration.load(
                    text: text.replacingOccurrences(of: "chat-token", with: "missing"),
                    path: "/etc/tickler/notify.toml",
                    credentials: CredentialSource(directory: directory.path)
                )
            }
        )
    }

    @Test(
        "problems name their file, line, column, channel and key",
        arguments: [
            (
                "[channel.chat]\nkind = \"webhook\"\nurl = \"http://x\"\nheader = {}\n",
                "/etc/tickler/notify.toml:4:1: channel \"chat\": key \"header\": unknown key (did you mean \"headers\"?)"
            ),
            (
                "[channel.chat]\nkind = \"webhok\"\n",
                "/etc/tickler/notify.toml:2:1: channel \"chat\": key \"kind\": unknown kind \"webhok\" (expected mail, webhook or exec) (did you mean \"webhook\"?)"
            ),
            (
                "[channel.m]\nkind = \"mail\"\nto = [\"a@b\"]\nurl = \"http://x\"\n",
                "/etc/tickler/notify.toml:4:1: channel \"m\": key \"url\": key of webhook channels, not of mail ones"
            ),
            (
                "[channel.chat]\nkind = \"webhook\"\nurl = \"ftp://x\"\n",
                "/etc/tickler/notify.toml:3:1: channel \"chat\": key \"url\": expected an http:// or https:// URL, found \"ftp://x\""
            ),
            (
                "[channel.s]\nkind = \"exec\"\ncommand = [\"office-notify\"]\n",
                "/etc/tickler/notify.toml:3:1: channel \"s\": key \"command\": the program must be an absolute path (no shell looks it up), found \"office-notify\""
            ),
            (
                "[channel.s]\nkind = \"exec\"\ncommand = [\"/bin/true\"]\nenvironment = { TICKLER_TITLE = \"x\" }\n",
                "/etc/tickler/notify.toml:4:1: channel \"s\": key \"environment\": TICKLER_TITLE: TICKLER_* variables carry the event and cannot be set"
            ),
            (
                "[channel.m]\nkind = \"mail\"\nto = [\"Clerk <clerk@example.org>\"]\n",
                "/etc/tickler/notify.toml:3:1: channel \"m\": key \"to\": invalid address \"Clerk <clerk@example.org>\" (write a bare address such as \"clerk@example.org\")"
            ),
            (
                "[channel.m]\nkind = \"mail\"\n",
                "/etc/tickler/notify.toml:1:1: channel \"m\": missing required key \"to\""
            ),
            (
                "[channel.m]\nkind = \"mail\"\nto = [\"a@b\"]\nsubject = \"{{#open}}\"\n",
                "/etc/tickler/notify.toml:4:1: channel \"m\": key \"subject\": invalid template: "
            ),
            (
                "[channel.chat]\nkind = \"webhook\"\nurl = \"http://x\"\nheaders = { A = \"${credential:../etc}\" }\n",
                "/etc/tickler/notify.toml:4:1: channel \"chat\": key \"headers\": invalid credential name \"../etc\""
            ),
            (
                "[retry]\nfirs = \"1s\"\n",
                "/etc/tickler/notify.toml:2:1: key \"firs\": unknown key (did you mean \"first\"?)"
            ),
            (
                "[channels.x]\n",
                "/etc/tickler/notify.toml:1:1: key \"channels\": unknown key (did you mean \"channel\"?)"
            ),
            ("[channel.x\n", "/etc/tickler/notify.toml:1:11: "),
        ]
    )
    func diagnostics(text: String, expected: String) {
        let problems = Self.problems(text)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix(expected) == true, "\(problems.first ?? "")")
    }

    @Test func aChannelDefinedInTwoFilesIsReportedWithTheFirstPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let channel = "[channel.chat]\nkind = \"webhook\"\nurl = \"http://x\"\n"
        try directory.write(channel, to: "notify.toml")
        try directory.write("\n" + channel, to: "notify.d/10-more.toml")
        do {
            _ = try NotifyConfiguration.load(directory: directory.path, credentials: nil)
            Issue.record("loaded")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    directory.path + "/notify.d/10-more.toml:2:1: channel \"chat\": channel defined twice (first at "
                        + directory.path + "/notify.toml:1:1)"
                ]
            )
        }
    }

    @Test func noNotifyTomlIsNoChannelsAndNoError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = try NotifyConfiguration.load(directory: directory.path, credentials: nil)
        #expect(configuration.channels.isEmpty)
        #expect(configuration.files.isEmpty)
    }

    @Test func theSampleConfigurationLoads() throws {
        let configuration = try NotifyConfiguration.load(
            directory: NotifyFixtures.root.appendingPathComponent("Config").path,
            credentials: nil
        )
        #expect(configuration.channels.keys.sorted() == ["chat", "office-mail", "script"])
    }
}
