public import TicklerSchedule

/// The schedule in a file or configuration directory (`D/schedule.toml` plus `D/schedule.d/*.toml`).
public struct ConfigurationSchedule: ScheduleProvider {
    /// The file or directory.
    public let path: String
    /// The loader that reads it.
    public let loader: ScheduleLoader

    /// The schedule at `path`, read by `loader`.
    public init(path: String, loader: ScheduleLoader = ScheduleLoader()) {
        self.path = path
        self.loader = loader
    }

    public var location: String { path }

    public func loadSchedule() throws(ScheduleLoadError) -> Schedule {
        try loader.load(path: path)
    }

    public func loadScheduleKeepingText() throws(ScheduleLoadError) -> (schedule: Schedule, text: ScheduleText?) {
        try loader.loadKeepingText(path: path)
    }
}
