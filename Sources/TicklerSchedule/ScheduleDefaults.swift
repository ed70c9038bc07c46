public import TicklerCalendar
import TicklerTOML

/// The `[defaults]` settings, each optional; what is unset falls back to the built-in value.
public struct ScheduleDefaults {
    /// The keys a `[defaults]` table may hold.
    static let keys = ["timezone", "at", "remind", "overdue-every", "escalate"] + NotifyRouting.keys

    /// The built-in time of day of a due date given as a date: 08:00, when offices open.
    public static let builtInTime = TimeOfDay(unchecked: 8, 0, 0)
    /// The built-in reminder leads: a week and a day before.
    static let builtInLeads = [Period(7, .day), Period(1, .day)]
    /// The built-in overdue interval: daily.
    static let builtInOverdueEvery = Period(1, .day)

    var zone: ZoneRules?
    var time: TimeOfDay?
    var leads: [Period]?
    var overdueEvery: Period?
    /// The `notify` keys: where events go when an obligation does not say.
    var notify = NotifyRouting()
    var escalate: [Period]?

    /// Reads a `[defaults]` table, reporting problems to `reader`.
    static func read(_ reader: inout TableReader, zones: any ZoneSource) -> ScheduleDefaults {
        reader.reportUnknownKeys(known: TOMLTable.KeySet(keys))
        return ScheduleDefaults(
            zone: reader.zone("timezone", in: zones),
            time: reader.time("at"),
            leads: reader.periods("remind"),
            overdueEvery: reader.overdueEvery(),
            notify: NotifyRouting.read(&reader),
            escalate: reader.escalationDelays()
        )
    }

    /// These defaults with every setting `other` has taking its place.
    func overridden(by other: ScheduleDefaults) -> ScheduleDefaults {
        ScheduleDefaults(
            zone: other.zone ?? zone,
            time: other.time ?? time,
            leads: other.leads ?? leads,
            overdueEvery: other.overdueEvery ?? overdueEvery,
            notify: notify.overridden(by: other.notify),
            escalate: other.escalate ?? escalate
        )
    }
}
