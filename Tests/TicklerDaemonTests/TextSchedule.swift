import Synchronization
import TicklerDaemon
import TicklerSchedule

/// A schedule provider that reads TOML text held in memory with the real loader, as ticklerd reads a
/// configuration directory: the daemon's start and reload run the whole loading path (the TOML reader, the
/// obligation parser, the limits).
final class TextSchedule: ScheduleProvider {
    /// The files the next loads read: `schedule.toml`, then drop-ins.
    private let files: Mutex<[ScheduleSource]>
    /// The loader, with a fixed system zone.
    let loader = ScheduleLoader(systemZone: Fixtures.hanoi)

    /// A provider that reads `text` as `schedule.toml`.
    init(_ text: String) { files = Mutex([ScheduleSource(path: "schedule.toml", text: text)]) }

    /// A provider that reads `files`.
    init(files: [ScheduleSource]) { self.files = Mutex(files) }

    /// `memory:schedule.toml`: no file is read.
    var location: String { "memory:schedule.toml" }

    /// Makes the next loads read `text` as `schedule.toml`.
    func replace(with text: String) { replace(with: [ScheduleSource(path: "schedule.toml", text: text)]) }

    /// Makes the next loads read `files`.
    func replace(with files: [ScheduleSource]) { self.files.withLock { $0 = files } }

    func loadSchedule() throws(ScheduleLoadError) -> Schedule {
        try loader.load(sources: files.withLock { $0 })
    }

    func loadScheduleKeepingText() throws(ScheduleLoadError) -> (schedule: Schedule, text: ScheduleText?) {
        let (schedule, text) = try loader.loadKeepingText(sources: files.withLock { $0 })
        return (schedule, text)
    }

    /// `count` obligations due daily at 08:00 from 2027-01-01, with ids `PREFIX-0`, `PREFIX-1`, …, as one file.
    static func daily(_ count: Int, prefix: String = "daily") -> String {
        var text = "[defaults]\nremind = [\"1d\"]\n"
        text.reserveCapacity(count * 100)
        for index in 0..<count {
            text += "\n[[obligation]]\nid = \"\(prefix)-\(index)\"\ntitle = \"Daily \(index)\"\n"
            text += "every = \"1d\"\nstart = \"2027-01-01T08:00\"\n"
        }
        return text
    }

    /// ``daily(_:prefix:)`` spread over `files` drop-ins of `each` obligations (`schedule.d/NN.toml`).
    static func daily(files: Int, each: Int, prefix: String = "daily") -> [ScheduleSource] {
        (0..<files).map { file in
            ScheduleSource(
                path: "schedule.d/\(file).toml",
                text: daily(each, prefix: "\(prefix)-\(file)"),
                isDropIn: true
            )
        }
    }
}
