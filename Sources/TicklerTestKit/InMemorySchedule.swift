import Synchronization
public import TicklerDaemon
public import TicklerSchedule

/// A schedule provider whose next load returns whatever the test put in it: a schedule or a load error.
public final class InMemorySchedule: ScheduleProvider {
    /// What the next loads return.
    private let next: Mutex<Result<Schedule, ScheduleLoadError>>

    /// A provider that loads `schedule`.
    public init(_ schedule: Schedule) {
        next = Mutex(.success(schedule))
    }

    /// `memory:schedule.toml`: no file is read.
    public var location: String { "memory:schedule.toml" }

    /// Makes the next loads return `schedule`.
    public func replace(with schedule: Schedule) { next.withLock { $0 = .success(schedule) } }

    /// Makes the next loads fail with `error`.
    public func fail(with error: ScheduleLoadError) { next.withLock { $0 = .failure(error) } }

    /// The schedule last put in.
    /// - Throws: The error last put in by ``fail(with:)``, until ``replace(with:)``.
    public func loadSchedule() throws(ScheduleLoadError) -> Schedule {
        try next.withLock { $0 }.get()
    }
}
