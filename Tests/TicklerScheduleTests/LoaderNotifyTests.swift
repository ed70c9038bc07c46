import Testing
import TicklerSchedule
import TicklerTestKit

/// The delivery routes of the schedule: `notify` and `notify-<stage>`, per obligation and in `[defaults]`.
@Suite("ScheduleLoader notify keys")
struct LoaderNotifyTests {
    /// The channels of obligation `id` in `text`, per stage in ``NotifyRouting/Stage`` order.
    static func routes(_ text: String, id: String = "a") throws -> [[String]] {
        let obligation = try #require(try TestSupport.load(text)[id])
        return NotifyRouting.Stage.allCases.map { obligation.notify.channels(for: $0) }
    }

    /// An obligation `a` with `keys` added.
    static func obligation(_ keys: String) -> String {
        "[[obligation]]\nid = \"a\"\ntitle = \"A\"\nonce = \"2027-01-01\"\n" + keys
    }

    @Test("no key: no channel at any stage")
    func none() throws {
        #expect(try Self.routes(Self.obligation("")) == [[], [], [], []])
    }

    @Test("notify for every stage, a stage key over it, in the order written")
    func obligationKeys() throws {
        let text = Self.obligation(
            "notify = [\"office-mail\", \"chat\"]\nnotify-overdue = [\"chat\", \"boss_phone\"]\nnotify-escalated = []"
        )
        #expect(
            try Self.routes(text) == [
                ["office-mail", "chat"], ["office-mail", "chat"], ["chat", "boss_phone"], [],
            ]
        )
    }

    @Test("[defaults]: the obligation's stage key, then its notify, then the defaults' stage key, then their notify")
    func defaultsChain() throws {
        let defaults = "[defaults]\nnotify = [\"mail\"]\nnotify-due = [\"chat\"]\n\n"
        #expect(try Self.routes(defaults + Self.obligation("")) == [["mail"], ["chat"], ["mail"], ["mail"]])
        #expect(
            try Self.routes(defaults + Self.obligation("notify-reminder = [\"exec\"]")) == [
                ["exec"], ["chat"], ["mail"], ["mail"],
            ]
        )
        // The obligation's own notify covers every stage, the defaults' notify-due included.
        #expect(
            try Self.routes(defaults + Self.obligation("notify = [\"exec\"]")) == [
                ["exec"], ["exec"], ["exec"], ["exec"],
            ]
        )
        // An empty list routes nowhere, against the defaults too.
        #expect(try Self.routes(defaults + Self.obligation("notify = []")) == [[], [], [], []])
    }

    @Test("a drop-in's [defaults] override the main file's key by key")
    func dropInDefaults() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("[defaults]\nnotify = [\"mail\"]\nnotify-due = [\"chat\"]\n", to: "schedule.toml")
        try directory.write("[defaults]\nnotify-due = [\"exec\"]\n\n" + Self.obligation(""), to: "schedule.d/a.toml")
        let obligation = try #require(try TestSupport.loader.load(path: directory.path)["a"])
        #expect(obligation.notify.channels(for: .reminder) == ["mail"])
        #expect(obligation.notify.channels(for: .due) == ["exec"])
    }

    @Test(
        "bad routes are reported at their key",
        arguments: [
            (
                "notify = \"office-mail\"",
                "5:1: obligation \"a\": key \"notify\": expected an array of channel names such as [\"office-mail\"], found a string"
            ),
            (
                "notify-due = [\"office mail\"]",
                "5:1: obligation \"a\": key \"notify-due\": invalid channel name \"office mail\" (use letters, digits, \"-\" and \"_\")"
            ),
            (
                "notify = [\"\"]",
                "5:1: obligation \"a\": key \"notify\": invalid channel name \"\" (use letters, digits, \"-\" and \"_\")"
            ),
            (
                "notify-overdue = [\"chat\", \"chat\"]",
                "5:1: obligation \"a\": key \"notify-overdue\": channel \"chat\" is listed twice"
            ),
            (
                "notify = [1]",
                "5:1: obligation \"a\": key \"notify\": expected an array of channel names such as [\"office-mail\"], found an element that is an integer"
            ),
            (
                "notfy = [\"chat\"]",
                "5:1: obligation \"a\": key \"notfy\": unknown key (did you mean \"notify\"?)"
            ),
            (
                "notify-escalate = [\"chat\"]",
                "5:1: obligation \"a\": key \"notify-escalate\": unknown key (did you mean \"notify-escalated\"?)"
            ),
        ]
    )
    func badRoutes(keys: String, expected: String) {
        #expect(TestSupport.problems(Self.obligation(keys)) == [TestSupport.path + ":" + expected])
    }

    @Test("bad routes in [defaults]")
    func badDefaults() {
        #expect(
            TestSupport.problems("[defaults]\nnotify-reminders = [\"chat\"]\n") == [
                TestSupport.path
                    + ":2:1: [defaults]: key \"notify-reminders\": unknown key (did you mean \"notify-reminder\"?)"
            ]
        )
        #expect(
            TestSupport.problems("[defaults]\n\nnotify = [\"a\", \"b/c\"]\n") == [
                TestSupport.path
                    + ":3:1: [defaults]: key \"notify\": invalid channel name \"b/c\" (use letters, digits, \"-\" and \"_\")"
            ]
        )
    }
}
