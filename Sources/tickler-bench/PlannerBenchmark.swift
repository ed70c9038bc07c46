import TicklerCalendar
import TicklerPlatform
import TicklerSchedule

#if canImport(Glibc)
import Glibc
#endif

/// Measures what the daemon does with a large schedule: parse it, plan it, and fire a day's worth of events.
///
/// The schedule has `count` obligations of mixed kinds (every, rrule, on-calendar, lunar) with three reminder leads
/// and daily overdue repeats, generated as TOML text the way an operator would write it.
func runPlannerBenchmark(count: Int = 100_000) {
    let clock = ContinuousClock()
    let text = scheduleText(count: count)
    print("planner: \(count) obligations, \(text.utf8.count / 1024) KiB of TOML")

    let before = heapInUse()
    var schedule = Schedule.empty
    let load = clock.measure {
        do {
            schedule = try ScheduleLoader(systemZone: .utc).load(text: text, path: "bench.toml")
        } catch {
            fatalError("the generated schedule does not load: \(error)")
        }
    }
    print("planner: load and validate \(milliseconds(load)) ms (\(schedule.count) obligations)")
    let loaded = heapInUse()
    print(
        "planner: the schedule holds \(mebibytes(loaded - before)) MiB, \((loaded - before) / count) bytes per obligation"
    )

    let now = Instant(secondsSinceEpoch: 1_800_000_000)
    var planner = Planner(schedule: schedule, after: now)
    let planned = heapInUse()
    print(
        "planner: the plan holds \(mebibytes(planned - loaded)) MiB, \((planned - loaded) / count) bytes per obligation"
    )
    let build = clock.measure { planner = Planner(schedule: schedule, after: now) }
    print("planner: build the queue \(milliseconds(build)) ms (\(planner.queuedCount) entries)")

    var fired = 0
    let day = now.adding(seconds: 86_400)
    let pop = clock.measure { fired = planner.popEvents(through: day).count }
    print("planner: fire the next 24 h (\(fired) events) \(milliseconds(pop)) ms")
    print("planner: peak resident memory \(peakResidentMiB()) MiB")
}

/// A schedule of `count` obligations cycling through the recurrence kinds.
private func scheduleText(count: Int) -> String {
    var text =
        "[defaults]\ntimezone = \"Asia/Ho_Chi_Minh\"\nremind = [\"30d\", \"7d\", \"1d\"]\noverdue-every = \"1d\"\n"
    text.reserveCapacity(count * 140)
    for index in 0..<count {
        let month = twoDigits(1 + index % 12)
        let day = twoDigits(1 + index % 28)
        let recurrence: String
        switch index % 4 {
        case 0: recurrence = "every = \"\(1 + index % 5)y\"\nstart = \"\(2010 + index % 15)-\(month)-\(day)\""
        case 1: recurrence = "rrule = \"FREQ=MONTHLY;BYDAY=\(1 + index % 4)MO\"\nstart = \"2020-01-01\""
        case 2: recurrence = "on-calendar = \"*-*-\(day) 09:00\""
        default: recurrence = "lunar = \"\(month)-\(day)\""
        }
        text += "\n[[obligation]]\nid = \"obligation-\(index)\"\ntitle = \"Nghĩa vụ số \(index)\"\n\(recurrence)\n"
    }
    return text
}

private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// The process's peak resident set size.
private func peakResidentMiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

/// The bytes the allocator has handed out and not had back.
private func heapInUse() -> Int { Allocator.bytesInUse }

/// `bytes` in MiB, one decimal.
private func mebibytes(_ bytes: Int) -> String {
    let tenths = bytes * 10 / (1 << 20)
    return "\(tenths / 10).\(tenths % 10)"
}

private func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
}
