import Testing
import TicklerCalendar
import TicklerDaemon
import TicklerJournalSchema
import TicklerSchedule
import TicklerState
import TicklerTestKit

/// Seeded random edits of a valid schedule, each reloaded by a running daemon (in-memory schedule text and state,
/// a manual clock): the daemon never traps, adopts exactly what the loader accepts and refuses the rest with one
/// `reload-failed` per diagnostic, keeps its last good schedule on refusal, and never loses its history.
@Suite(.timeLimit(.minutes(2)))
struct ReloadRandomInputTests {
    /// A valid schedule that uses every kind of recurrence and most keys.
    static let base = """
        [defaults]
        timezone = "Asia/Ho_Chi_Minh"
        at = "08:00"
        remind = ["7d", "1d"]
        overdue-every = "1d"

        [[obligation]]
        id = "letter"
        title = "Thư chúc mừng Quốc khánh"
        once = "2027-09-25T08:00"
        partner = "Quảng Tây"

        [[obligation]]
        id = "weekly"
        title = "Weekly report"
        every = "1w"
        start = "2027-09-20"
        remind = ["1d", "2h"]

        [[obligation]]
        id = "rule"
        title = "Last Friday"
        rrule = "FREQ=MONTHLY;BYDAY=-1FR;COUNT=40"
        start = "2027-01-01T09:00"
        timezone = "Europe/Berlin"

        [[obligation]]
        id = "hourly"
        title = "Hourly check"
        on-calendar = "*-*-* *:00:00"
        remind = ["10min"]
        overdue-every = "0"

        [[obligation]]
        id = "tet"
        title = "Tết greeting"
        lunar = "01-01"
        calendar = "vietnamese"
        remind = ["30d"]

        [[obligation]]
        id = "qingming"
        title = "Qingming"
        solar-term = "qingming"
        calendar = "chinese"

        """

    /// Values that have broken schedules before (issue 8) or sit on a limit.
    static let hostileValues = [
        "\"1s\"", "\"0\"", "0", "\"59s\"", "\"1min\"", "\"999999999d\"", "\"6174m\"", "\"997y\"", "\"-1d\"", "[]",
        "[\"365d\"]", "[\"0\"]", "\"FREQ=SECONDLY;COUNT=999999999\"", "\"FREQ=MINUTELY;COUNT=500000000\"",
        "\"FREQ=HOURLY;BYDAY=MO;COUNT=20000\"", "\"*:*:*\"", "\"2030-01-01T00:00:00.1234567\"", "2030-01-01T:",
        "\"9999-12-31T23:59:59\"", "\"0001-01-01\"", "\"10000-01-01\"", "1e400", "\"\\u001b[31mred\"", "[",
        "\"Mars/Olympus\"", "\"UTC\"", "true", "{ a = 1 }", "\"13-40\"", "\"leap\"", "\"\"",
    ]

    /// How many edits are reloaded.
    static let rounds = 1000

    /// One random edit of `text`: bytes, lines, keys or values.
    static func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            // A byte replaced, inserted or removed.
            var bytes = Array(text.utf8)
            let index = Int.random(in: 0..<bytes.count, using: &random)
            let byte = Array("[]{}=\"'.,:-_#\n\\ 0123456789azT\u{7F}".utf8).randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes[index] = byte
            case 1: bytes.insert(byte, at: index)
            default: bytes.remove(at: index)
            }
            return String(decoding: bytes, as: UTF8.self)
        case 1: lines.remove(at: line)
        case 2: lines.insert(lines[Int.random(in: 0..<lines.count, using: &random)], at: line)
        case 3:
            // A value replaced by a hostile one.
            guard let equals = lines[line].firstIndex(of: "=") else { break }
            lines[line] = lines[line][..<equals] + "= " + hostileValues.randomElement(using: &random)!
        case 4:
            // A key renamed to another known or unknown one.
            guard let equals = lines[line].firstIndex(of: "=") else { break }
            let key = [
                "every", "once", "rrule", "on-calendar", "remind", "overdue-every", "start", "until", "at", "id",
                "timezone", "lunar", "calendar", "leap", "exept", "title",
            ].randomElement(using: &random)!
            lines[line] = key + " " + lines[line][equals...]
        case 5:
            // An obligation due every second (the daemon tests of bounded schedules fire those at scale).
            lines.append(
                "[[obligation]]\nid = \"x\(line)\"\ntitle = \"X\"\n"
                    + ["every = \"1s\"", "on-calendar = \"*:*:*\"", "rrule = \"FREQ=SECONDLY;COUNT=999999999\""]
                    .randomElement(using: &random)! + "\nremind = [\"1s\"]\noverdue-every = \"0\""
            )
        default:
            // A line cut short.
            let cut = Int.random(in: 0...lines[line].count, using: &random)
            lines[line] = String(lines[line].prefix(cut))
        }
        return lines.joined(separator: "\n")
    }

    @Test("1000 random edits reloaded: adopted or refused with diagnostics, the last good schedule kept, history kept")
    func randomEditsReloaded() async throws {
        let store = InMemoryStateStore()
        var random = SeededRandom(seed: 0x8_2027)
        var history: [FiredEvent] = []
        var (adopted, refused) = (0, 0)
        // A fresh daemon on the same state every 50 edits: the harness's recorders grow with every message, and
        // a restart must keep the history too.
        for _ in 0..<(Self.rounds / 50) {
            let schedule = TextSchedule(Self.base)
            let daemon = DaemonHarness(schedule: schedule, clock: ManualWallClock(Fixtures.start), store: store)
            await daemon.started()
            var good = try schedule.loader.load(text: Self.base, path: "schedule.toml").count
            var current = Self.base
            for round in 0..<50 {
                // Edits pile up for a while, then start again from the valid schedule.
                let text = Self.mutate(round % 4 == 0 ? Self.base : current, &random)
                current = text
                schedule.replace(with: text)
                let before = daemon.sink.events.elements.count
                let ready = daemon.notifier.readyCount
                await daemon.reload()
                #expect(daemon.notifier.readyCount == ready + 1)
                let events = daemon.sink.events.elements.dropFirst(before)
                let failures = events.filter { $0.kind == .reloadFailed }.count
                let reloads = events.filter { $0.kind == .reloaded }.count
                switch Result(catching: { () throws(ScheduleLoadError) in
                    try schedule.loader.load(text: text, path: "schedule.toml")
                }) {
                case .success(let loaded):
                    adopted += 1
                    good = loaded.count
                    #expect(reloads == 1 && failures == 0, "\(text)")
                case .failure(let error):
                    refused += 1
                    #expect(reloads == 0 && failures == error.diagnostics.count, "\(text)")
                    #expect(!error.diagnostics.isEmpty)
                    #expect(daemon.status?.contains("reload failed") == true, "\(text)")
                }
                let obligations = good == 1 ? "1 obligation" : "\(good) obligations"
                #expect(daemon.status?.hasPrefix(obligations) == true, "\(daemon.status ?? "")")
                // Now and then time passes to the next event, so that there is history to keep; none is lost.
                guard round % 25 == 0 else { continue }
                if let next = daemon.clock.pendingDeadlines.min() { await daemon.advance(to: next) }
                let now = try await store.firedEvents()
                #expect(Set(history).isSubset(of: Set(now)))
                history = now
            }
            try await daemon.stop()
        }
        #expect(adopted > 50 && refused > 300, "adopted \(adopted), refused \(refused)")
        #expect(!history.isEmpty)
    }

    /// The schedules of issue 8 that killed or froze a running daemon on reload, each added to the valid schedule:
    /// now each is refused (or adopted) and the daemon goes on.
    @Test(arguments: [
        ("[\n", false), ("e=2030-01-01T:\n", false),
        ("[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]\nx = 1\n", false),
        ("[[obligation]]\nid = \"f\"\ntitle = \"F\"\nonce = \"2030-01-01T00:00:00.1234567\"\n", true),
        ("[[obligation]]\nid = \"s\"\ntitle = \"S\"\nevery = \"1s\"\noverdue-every = \"1s\"\n", false),
        (
            "[[obligation]]\nid = \"s\"\ntitle = \"S\"\nevery = \"1s\"\nstart = \"2027-01-01\"\nremind = [\"365d\"]\n",
            true
        ),
        ("[[obligation]]\nid = \"c\"\ntitle = \"C\"\non-calendar = \"*:*:*\"\n", true),
        ("[[obligation]]\nid = \"m\"\ntitle = \"M\"\nevery = \"6174m\"\nstart = \"2020-01-01\"\n", true),
        (
            "[[obligation]]\nid = \"r\"\ntitle = \"R\"\nrrule = \"FREQ=SECONDLY;COUNT=999999999\"\nstart = \"1990-01-01\"\n",
            true
        ),
    ])
    func theReproducersOfIssue8AreReloadedCleanly(_ addition: String, adopted: Bool) async throws {
        let schedule = TextSchedule(Self.base)
        let daemon = DaemonHarness(
            schedule: schedule,
            clock: ManualWallClock(Fixtures.start),
            store: InMemoryStateStore()
        )
        await daemon.started()
        schedule.replace(with: Self.base + "\n" + addition)
        await daemon.reload()
        #expect(daemon.sink.events(of: .reloaded).count == (adopted ? 1 : 0))
        #expect(daemon.sink.events(of: .reloadFailed).isEmpty == adopted)
        #expect(daemon.status?.hasPrefix(adopted ? "7 obligations" : "6 obligations") == true, "\(daemon.status ?? "")")
        try await daemon.stop()
    }
}
