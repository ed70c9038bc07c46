import Foundation
import Testing
import TicklerCalendar
import TicklerSchedule
import TicklerTestKit

/// Loading a configuration directory: schedule.toml, drop-ins in lexical order, ids across files, defaults scope.
@Suite("ScheduleLoader directories")
struct LoaderDirectoryTests {
    private func obligation(_ id: String, _ extra: String = "") -> String {
        "[[obligation]]\nid = \"\(id)\"\ntitle = \"\(id)\"\nonce = 2027-01-01\n\(extra)"
    }

    @Test("schedule.toml first, then schedule.d/*.toml in lexical order; other files ignored")
    func dropInOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(obligation("from-20"), to: "schedule.d/20-b.toml")
        try directory.write(obligation("from-10"), to: "schedule.d/10-a.toml")
        try directory.write(obligation("from-9"), to: "schedule.d/9-z.toml")
        try directory.write("not toml", to: "schedule.d/README")
        try directory.write("broken = [", to: "schedule.d/.hidden.toml")
        try directory.write("broken = [", to: "schedule.d/30-c.toml.disabled")
        try directory.write(obligation("main"), to: "schedule.toml")
        let schedule = try TestSupport.loader.load(path: directory.path)
        #expect(schedule.ids == ["main", "from-10", "from-20", "from-9"])
        #expect(
            schedule.files == [
                directory.path + "/schedule.toml", directory.path + "/schedule.d/10-a.toml",
                directory.path + "/schedule.d/20-b.toml", directory.path + "/schedule.d/9-z.toml",
            ]
        )
        #expect(try ScheduleLoader.files(at: directory.path + "/") == schedule.files)
    }

    @Test("the index the loader makes while checking ids finds each obligation at its place, across files")
    func indexAcrossFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write((0..<40).map { obligation("main-\($0)") }.joined(separator: "\n"), to: "schedule.toml")
        for file in 0..<3 {
            let text = (0..<25).map { obligation("drop-in-\(file)-\($0)") }.joined(separator: "\n")
            try directory.write(text, to: "schedule.d/\(file)0.toml")
        }
        let schedule = try TestSupport.loader.load(path: directory.path)
        #expect(schedule.count == 115)
        for (position, obligation) in schedule.obligations.enumerated() {
            #expect(schedule.index(of: obligation.id) == position)
            #expect(schedule[obligation.id]?.id == obligation.id)
        }
        #expect(schedule.index(of: "main-40") == nil)
        #expect(schedule["drop-in-3-0"] == nil)
    }

    @Test("drop-ins without schedule.toml are enough")
    func dropInsOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(obligation("only"), to: "schedule.d/10-a.toml")
        #expect(try TestSupport.loader.load(path: directory.path).ids == ["only"])
    }

    @Test("a single file path reads just that file")
    func singleFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(obligation("single"), to: "elsewhere.toml")
        try directory.write(obligation("not-read"), to: "schedule.d/10-a.toml")
        let schedule = try TestSupport.loader.load(path: file)
        #expect(schedule.ids == ["single"])
        #expect(schedule.files == [file])
    }

    @Test("an empty directory or a missing path is an error naming the path")
    func nothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(
            problems(directory.path) == [
                "\(directory.path): no schedule found (expected \(directory.path)/schedule.toml or "
                    + "\(directory.path)/schedule.d/*.toml)"
            ]
        )
        #expect(problems(directory.path + "/missing") == ["\(directory.path)/missing: no such file or directory"])
    }

    @Test("a file that is not UTF-8 is named")
    func notUTF8() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/schedule.toml"
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0x28, 0x22]).write(
            to: URL(fileURLWithPath: file)
        )
        #expect(problems(directory.path) == ["\(file): the file is not valid UTF-8"])
    }

    @Test("a duplicate id in a drop-in names both places; problems of all files are reported")
    func duplicatesAcrossFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("# main\n" + obligation("labour-agreement-van-son"), to: "schedule.toml")
        try directory.write(obligation("other", "bogus = 1\n"), to: "schedule.d/10-extra.toml")
        try directory.write("\n\n" + obligation("labour-agreement-van-son"), to: "schedule.d/20-lunar.toml")
        try directory.write("[[obligation]\n", to: "schedule.d/30-broken.toml")
        #expect(
            problems(directory.path) == [
                "\(directory.path)/schedule.d/10-extra.toml:5:1: obligation \"other\": key \"bogus\": unknown key",
                "\(directory.path)/schedule.d/20-lunar.toml:4:1: obligation \"labour-agreement-van-son\": key \"id\": "
                    + "duplicate id \"labour-agreement-van-son\" "
                    + "(first defined at \(directory.path)/schedule.toml:3:1)",
                "\(directory.path)/schedule.d/30-broken.toml:1:13: expected \"]]\" to close [[obligation]], found "
                    + "\"]\"",
            ]
        )
    }

    @Test("[defaults] of schedule.toml apply to drop-ins; a drop-in's own [defaults] apply to it alone")
    func defaultsScope() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "[defaults]\ntimezone = \"Asia/Ho_Chi_Minh\"\nremind = [\"30d\"]\n" + obligation("main"),
            to: "schedule.toml"
        )
        try directory.write(
            "[defaults]\nat = \"07:00\"\nremind = []\n" + obligation("drop-in-a"),
            to: "schedule.d/10-a.toml"
        )
        try directory.write(obligation("drop-in-b"), to: "schedule.d/20-b.toml")
        let schedule = try TestSupport.loader.load(path: directory.path)
        let main = try #require(schedule["main"])
        let first = try #require(schedule["drop-in-a"])
        let second = try #require(schedule["drop-in-b"])
        #expect([main, first, second].allSatisfy { $0.zone.identifier == "Asia/Ho_Chi_Minh" })
        #expect(main.reminderLeads == [Period(30, .day)])
        #expect(first.reminderLeads.isEmpty)
        #expect(second.reminderLeads == [Period(30, .day)])
        #expect(main.recurrenceDescription == "once 2027-01-01 08:00")
        #expect(first.recurrenceDescription == "once 2027-01-01 07:00")
        #expect(second.recurrenceDescription == "once 2027-01-01 08:00")
    }

    private func problems(_ path: String) -> [String] {
        do {
            _ = try TestSupport.loader.load(path: path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
