import TicklerCalendar
import TicklerSchedule

/// The zone and time of day a `ticklerctl calendar` rule takes when its options do not give them: the schedule's
/// `[defaults]` (`timezone`, `at`) when a schedule is found, else the loader's built-in ones — the values the same
/// rule would take in that schedule.
struct PreviewDefaults {
    /// Where the defaults come from.
    enum Origin: Hashable {
        /// The `[defaults]` of the schedule at this path.
        case schedule(path: String)
        /// No schedule at this path: the built-in defaults.
        case noSchedule(path: String)
        /// The schedule at this path has this many errors: the built-in defaults.
        case unloadable(path: String, errors: Int)
        /// The built-in defaults, no schedule consulted.
        case builtIn
    }

    /// The zone of wall-clock times: `[defaults] timezone`, else the system zone.
    let zone: ZoneRules
    /// Whether ``zone`` is the schedule's `timezone` (else the system zone).
    let zoneFromSchedule: Bool
    /// The time of day of dates: `[defaults] at`, else ``ScheduleDefaults/builtInTime``.
    let time: TimeOfDay
    /// Whether ``time`` is the schedule's `at` (else the built-in one).
    let timeFromSchedule: Bool
    /// Where they come from.
    let origin: Origin

    /// The built-in defaults: 08:00 in `systemZone`.
    static func builtIn(systemZone: ZoneRules, origin: Origin = .builtIn) -> PreviewDefaults {
        PreviewDefaults(
            zone: systemZone,
            zoneFromSchedule: false,
            time: ScheduleDefaults.builtInTime,
            timeFromSchedule: false,
            origin: origin
        )
    }

    /// The defaults of the schedule at `path`, or the built-in ones when there is none there or it does not load.
    static func read(path: String, systemZone: ZoneRules) -> PreviewDefaults {
        do {
            _ = try ScheduleLoader.files(at: path)
        } catch {
            return builtIn(systemZone: systemZone, origin: .noSchedule(path: path))
        }
        let schedule: Schedule
        do {
            schedule = try ScheduleLoader(systemZone: systemZone).load(path: path)
        } catch {
            return builtIn(systemZone: systemZone, origin: .unloadable(path: path, errors: error.diagnostics.count))
        }
        return PreviewDefaults(
            zone: schedule.defaultZone ?? systemZone,
            zoneFromSchedule: schedule.defaultZone != nil,
            time: schedule.defaultTime ?? ScheduleDefaults.builtInTime,
            timeFromSchedule: schedule.defaultTime != nil,
            origin: .schedule(path: path)
        )
    }

    /// The line that says which defaults a preview used, or nil when it used none.
    ///
    /// `using [defaults] of /etc/tickler: at 08:00, timezone Asia/Ho_Chi_Minh`; a value the schedule does not set
    /// is marked `(built-in)` or `(system zone)`.
    /// - Parameters:
    ///   - usedZone: whether the preview read times in ``zone``.
    ///   - usedTime: whether the preview gave dates ``time``.
    func note(usedZone: Bool, usedTime: Bool) -> String? {
        var values: [String] = []
        if usedTime { values.append("at \(time.shortDescription)" + (timeFromSchedule ? "" : " (built-in)")) }
        if usedZone {
            values.append("timezone \(zone.identifier)" + (zoneFromSchedule ? "" : " (system zone)"))
        }
        guard !values.isEmpty else { return nil }
        let list = values.joined(separator: ", ")
        switch origin {
        case .schedule(let path): return "using [defaults] of \(path): \(list)"
        case .noSchedule(let path): return "no schedule at \(path); using built-in defaults: \(list)"
        case .unloadable(let path, let errors):
            let count = ScheduleOptions.count(errors, "error")
            return "\(path) does not load (\(count), see ticklerctl validate); using built-in defaults: \(list)"
        case .builtIn: return "using built-in defaults: \(list)"
        }
    }
}
