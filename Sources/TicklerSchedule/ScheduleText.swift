import TicklerCalendar

/// What a schedule was read from: the texts of its files, and a loader whose zones and system zone are the ones the
/// schedule was made with. ``load()`` makes the same schedule again, so a daemon can let its schedule go while it
/// reads a new one, and make it again if the new one is refused.
///
/// ``ScheduleLoader/loadKeepingText(path:)`` makes one; the texts are those that were loaded, read again after the
/// load and kept only when they are unchanged.
public struct ScheduleText: Sendable {
    /// The files, in reading order.
    public let sources: [ScheduleSource]
    /// The loader that made the schedule, its zones pinned (``PinnedZones``).
    let loader: ScheduleLoader

    /// `sources`, made into a schedule by `loader`.
    init(sources: [ScheduleSource], loader: ScheduleLoader) {
        self.sources = sources
        self.loader = loader
    }

    /// The texts `sources` of `schedule`, which `loader` made from them: the zones of its obligations and of its
    /// `[defaults]` are pinned, so that a zone database refreshed meanwhile does not change them.
    init(sources: [ScheduleSource], of schedule: Schedule, loader: ScheduleLoader) {
        var zones: [String: ZoneRules] = [:]
        if let zone = schedule.defaultZone { zones[zone.identifier] = zone }
        for index in schedule.obligations.indices {
            let zone = schedule.obligations[index].zone
            if zones[zone.identifier] == nil { zones[zone.identifier] = zone }
        }
        let pinned = PinnedZones(zones: zones, system: loader.systemZone, others: loader.zones)
        self.init(
            sources: sources,
            loader: ScheduleLoader(zones: pinned, systemZone: pinned.system)
        )
    }

    /// The schedule made again from the texts.
    /// - Throws: ``ScheduleLoadError`` only if something outside the texts changed: a zone named only where no
    ///   obligation uses it (a drop-in's `[defaults]` without obligations), gone from the zone database since; or
    ///   the task was cancelled (``ScheduleLoadError/isCancellation``).
    public func load() throws(ScheduleLoadError) -> Schedule {
        try loader.load(sources: sources)
    }

    /// The zones a schedule was made with, then `others` for any other name.
    struct PinnedZones: ZoneSource {
        /// The zones by name.
        let zones: [String: ZoneRules]
        /// The system zone when the schedule was made.
        let system: ZoneRules
        /// Where other names are looked up.
        let others: any ZoneSource

        func rules(for identifier: String) throws(UnknownTimeZone) -> ZoneRules {
            if let rules = zones[identifier] { return rules }
            return try others.rules(for: identifier)
        }

        func systemRules() -> ZoneRules { system }
    }
}
