import Synchronization
import TicklerDaemon
import TicklerSchedule

/// A schedule provider whose next load returns whatever the test put in it.
final class InMemorySchedule: ScheduleProvider {
    private let next: Mutex<Result<Schedule, ScheduleLoadError>>

    /// A provider that loads `schedule`.
    init(_ schedule: Schedule) {
        next = Mutex(.success(schedule))
    }

    var location: String { "memory:schedule.toml" }

    /// Makes the next loads return `schedule`.
    func replace(with schedule: Schedule) { next.withLock { $0 = .success(schedule) } }

    /// Makes the next loads fail with `error`.
    func fail(with error: ScheduleLoadError) { next.withLock { $0 = .failure(error) } }

    func loadSchedule() throws(ScheduleLoadError) -> Schedule {
        try next.withLock { $0 }.get()
    }
}
