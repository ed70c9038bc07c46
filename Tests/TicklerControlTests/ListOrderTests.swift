import Testing
import TicklerCalendar
import TicklerSchedule

@testable import TicklerControl

/// The order of `ticklerctl list`: soonest first, ties in schedule order, ended obligations last.
@Suite("ticklerctl list order")
struct ListOrderTests {
    @Test("soonest first; equal due times keep the schedule's order; ended obligations come last in it")
    func soonestFirst() throws {
        let text = [
            ("ended-1", "once = \"2020-01-01\""),
            ("late", "once = \"2030-06-01\""),
            ("soon-a", "once = \"2027-01-01\""),
            ("ended-2", "once = \"2021-01-01\""),
            ("soon-b", "once = \"2027-01-01\""),
            ("middle", "every = \"1y\"\nstart = \"2020-03-01\""),
        ].map { "[[obligation]]\nid = \"\($0)\"\ntitle = \"t\"\n\($1)\n" }.joined()
        let schedule = try ScheduleLoader(systemZone: .utc).load(text: text, path: "s.toml")
        let now = try #require(ZonedDateTime(iso: "2026-12-01T00:00:00Z")).instant
        let order = ListCommand.soonestFirst(schedule.obligations, after: now)
        #expect(
            order.map { schedule.obligations[$0.0].id } == ["soon-a", "soon-b", "middle", "late", "ended-1", "ended-2"]
        )
        #expect(order.map { $0.1 == nil } == [false, false, false, false, true, true])
        #expect(order[2].1 == ZonedDateTime(iso: "2027-03-01T08:00:00Z")?.instant)
    }
}
