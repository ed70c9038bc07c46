import Testing
import TicklerCalendar
import TicklerSchedule

/// What one load shares between obligations (parsed rule texts, stage plans, the document let go as it is read)
/// changes nothing that the schedule says.
@Suite("ScheduleLoader sharing")
struct LoaderSharingTests {
    /// `count` obligations, each with `keys`, ids `o-0`…
    private func text(_ count: Int, _ keys: (Int) -> String) -> String {
        (0..<count).map { "[[obligation]]\nid = \"o-\($0)\"\ntitle = \"t\"\n" + keys($0) }.joined()
    }

    /// `count` obligations in Hanoi's zone, each with `keys` but those in `variants`, which have their own.
    private func hanoiSchedule(_ count: Int, _ keys: String, except variants: [Int: String]) throws -> Schedule {
        try TestSupport.load("[defaults]\ntimezone = \"Asia/Ho_Chi_Minh\"\n" + text(count) { variants[$0] ?? keys })
    }

    @Test("obligations with the same rrule and on-calendar texts each get their own start and due times")
    func repeatedRuleTexts() throws {
        let schedule = try TestSupport.load(
            text(6) { index in
                index.isMultiple(of: 2)
                    ? "rrule = \"FREQ=MONTHLY;BYDAY=1MO\"\nstart = \"202\(index)-01-01\"\n"
                    : "on-calendar = \"*-*-01 09:00\"\nuntil = \"202\(index)-06-30\"\n"
            }
        )
        for index in 0..<6 {
            let obligation = try #require(schedule["o-\(index)"])
            let expected =
                index.isMultiple(of: 2)
                ? "rrule FREQ=MONTHLY;BYDAY=1MO from 202\(index)-01-01 08:00"
                : "on-calendar *-*-01 09:00:00 until 202\(index)-06-30"
            #expect(obligation.recurrenceDescription == expected)
        }
        // The first due time follows each obligation's own start.
        let dues = (0..<6).filter { $0.isMultiple(of: 2) }.compactMap { index in
            schedule["o-\(index)"]?.nextDue(after: Instant(secondsSinceEpoch: 0))
        }
        #expect(dues.count == 3 && dues == dues.sorted() && Set(dues).count == 3)
    }

    @Test("an rrule compiled once for the same start and zone serves each, and no other start or zone")
    func sharedCompiledRules() throws {
        // o-0, o-1 and o-3 share rule, start and zone; o-2 has another start, o-4 another zone, o-5 a spelling of
        // the same rule, and o-1 an until of its own.
        let rule = "rrule = \"FREQ=MONTHLY;BYDAY=2TU\"\n"
        let schedule = try hanoiSchedule(
            6,
            rule + "start = \"2020-01-01\"\n",
            except: [
                1: rule + "start = \"2020-01-01\"\nuntil = \"2027-03-31\"\n",
                2: rule + "start = \"2026-12-10T09:30\"\n",
                4: rule + "start = \"2020-01-01\"\ntimezone = \"Asia/Shanghai\"\n",
                5: "rrule = \"BYDAY=2TU;FREQ=MONTHLY\"\nstart = \"2020-01-01\"\n",
            ]
        )
        let after = TestSupport.instant("2027-03-01T00:00:00Z")
        func dues(_ id: String) throws -> [String] {
            TestSupport.dues(try #require(schedule[id]), after: "2026-12-01T00:00:00Z", count: 3)
        }
        let utc7 = ["2026-12-08T08:00:00+07:00", "2027-01-12T08:00:00+07:00", "2027-02-09T08:00:00+07:00"]
        #expect(try dues("o-0") == utc7)
        #expect(try dues("o-3") == utc7)
        #expect(try dues("o-5") == utc7)
        #expect(
            try dues("o-2") == ["2027-01-12T09:30:00+07:00", "2027-02-09T09:30:00+07:00", "2027-03-09T09:30:00+07:00"]
        )
        #expect(
            try dues("o-4") == ["2026-12-08T08:00:00+08:00", "2027-01-12T08:00:00+08:00", "2027-02-09T08:00:00+08:00"]
        )
        #expect(schedule["o-1"]?.nextDue(after: after) == TestSupport.instant("2027-03-09T01:00:00Z"))
        #expect(schedule["o-1"]?.nextDue(after: TestSupport.instant("2027-03-10T00:00:00Z")) == nil)
        #expect(
            schedule["o-1"]?.recurrenceDescription
                == "rrule FREQ=MONTHLY;BYDAY=2TU from 2020-01-01 08:00 until 2027-03-31"
        )
    }

    @Test("an on-calendar event made once for the same zone serves each, and no other zone, start or until")
    func sharedCalendarEvents() throws {
        // o-0, o-2 and o-5 share the event (o-5 spelled otherwise) and zone; o-1 has another zone, o-3 a start and
        // o-4 an until of its own.
        let event = "on-calendar = \"*-*-01 09:00\"\n"
        let schedule = try hanoiSchedule(
            6,
            event,
            except: [
                1: event + "timezone = \"Asia/Shanghai\"\n",
                3: event + "start = \"2027-02-01\"\n",
                4: event + "until = \"2027-01-15\"\n",
                5: "on-calendar = \"*-*-1 9:0:0\"\n",
            ]
        )
        // The first three due times of each, o-0 to o-5, from 2026-12-01.
        let dues = (0..<6).map { index in
            schedule["o-\(index)"].map { TestSupport.dues($0, after: "2026-12-01T00:00:00Z", count: 3) } ?? []
        }
        let utc7 = ["2026-12-01T09:00:00+07:00", "2027-01-01T09:00:00+07:00", "2027-02-01T09:00:00+07:00"]
        let utc8 = ["2026-12-01T09:00:00+08:00", "2027-01-01T09:00:00+08:00", "2027-02-01T09:00:00+08:00"]
        let fromFebruary = ["2027-02-01T09:00:00+07:00", "2027-03-01T09:00:00+07:00", "2027-04-01T09:00:00+07:00"]
        #expect(dues == [utc7, utc8, utc7, fromFebruary, Array(utc7.prefix(2)), utc7])
        for id in ["o-0", "o-1", "o-2", "o-5"] {
            #expect(schedule[id]?.recurrenceDescription == "on-calendar *-*-01 09:00:00")
        }
        #expect(schedule["o-3"]?.recurrenceDescription.hasPrefix("on-calendar *-*-01 09:00:00 from 2027-02-01") == true)
        #expect(schedule["o-4"]?.recurrenceDescription == "on-calendar *-*-01 09:00:00 until 2027-01-15")
    }

    @Test("an obligation's texts read as the file writes them")
    func textsReadAsWritten() throws {
        let title = "Thư chúc mừng năm mới gửi Sở Ngoại vụ Quảng Tây"
        let text =
            "[[obligation]]\nid = \"greeting-letter-guangxi-new-year\"\ntitle = \"\(title)\"\n"
            + "partner = \"Sở Ngoại vụ Quảng Tây\"\nowner = \"Phòng Hợp tác\"\nnotes = \"x\"\n"
            + "every = \"1y\"\nstart = \"2027-01-20\"\n"
        let schedule = try ScheduleLoader(zones: TestSupport.loader.zones, systemZone: .utc).load(
            text: text,
            path: "s.toml"
        )
        let obligation = try #require(schedule["greeting-letter-guangxi-new-year"])
        #expect(obligation.title == title)
        #expect(obligation.partner == "Sở Ngoại vụ Quảng Tây")
        #expect(obligation.owner == "Phòng Hợp tác")
        #expect(obligation.notes == "x")
        #expect(obligation.category == nil)
    }

    @Test("a bad rule text repeated in many obligations is reported at each of them")
    func repeatedBadText() {
        do {
            _ = try TestSupport.load(text(3) { _ in "rrule = \"FREQ=MONTHLY;BYMONTH=13\"\nstart = \"2026-01-01\"\n" })
            Issue.record("the schedule loaded")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.count == 3)
            #expect(messages.allSatisfy { $0.contains("key \"rrule\": BYMONTH=13: month must be 1…12") })
            #expect(Set(messages).count == 3)
        }
    }

    @Test("a duplicate id in a second file names the first file's place")
    func duplicateAcrossFiles() {
        let first = ScheduleSource(
            path: "a.toml",
            text: "\n[[obligation]]\nid = \"x\"\ntitle = \"t\"\nevery = \"1d\"\nstart = \"2026-01-01\"\n"
        )
        let second = ScheduleSource(
            path: "b.toml",
            text: "[[obligation]]\nid = \"x\"\ntitle = \"t\"\nevery = \"1d\"\nstart = \"2026-01-01\"\n"
        )
        do {
            _ = try ScheduleLoader(systemZone: .utc).load(sources: [first, second])
            Issue.record("the schedule loaded")
        } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.contains("(first defined at a.toml:3:1)") })
        }
    }

    @Test("obligations with their own leads keep them; the others share the defaults' plan")
    func ownLeads() throws {
        let schedule = try TestSupport.load(
            "[defaults]\nremind = [\"7d\", \"1d\"]\n"
                + text(4) {
                    $0 == 2
                        ? "every = \"1w\"\nstart = \"2026-01-01\"\nremind = [\"1d\", \"3d\"]\n"
                        : "every = \"1w\"\nstart = \"2026-01-01\"\n"
                }
        )
        let planner = Planner(schedule: schedule, after: Instant(secondsSinceEpoch: 1_767_225_600))
        let leads = planner.upcoming(limit: 100).compactMap { event -> (String, Int64)? in
            guard case .reminder(let lead) = event.stage else { return nil }
            return (event.obligationID, lead.seconds ?? 0)
        }
        #expect(Set(leads.filter { $0.0 == "o-2" }.map(\.1)) == [259_200, 86_400])
        #expect(Set(leads.filter { $0.0 == "o-1" }.map(\.1)) == [604_800, 86_400])
    }
}
