import TicklerCalendar
import TicklerPlatform
import TicklerSchedule

/// Shared helpers: a loader with fixed zones, instants from ISO text, and schedules from TOML text.
enum TestSupport {
    /// The path diagnostics name.
    static let path = "/etc/tickler/schedule.toml"

    /// A loader whose fallback zone is UTC, whatever the machine's zone.
    static let loader = ScheduleLoader(systemZone: .utc)

    /// Asia/Ho_Chi_Minh.
    static let hanoi = try! ZoneDatabase.shared.rules(for: "Asia/Ho_Chi_Minh")

    /// The instant written in ISO 8601 with an offset.
    static func instant(_ text: String) -> Instant {
        guard let zoned = ZonedDateTime(iso: text) else { fatalError("bad instant \(text)") }
        return zoned.instant
    }

    /// The schedule in `text`, read as /etc/tickler/schedule.toml.
    static func load(_ text: String) throws(ScheduleLoadError) -> Schedule {
        try loader.load(text: text, path: path)
    }

    /// The diagnostics `text` gives, as text; empty when it loads.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try loader.load(text: text, path: path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The first due instants of `obligation` after `after`, as ISO 8601 in its zone.
    static func dues(_ obligation: Obligation, after: String, count: Int) -> [String] {
        obligation.recurrence.occurrences(after: instant(after), limit: count).map {
            obligation.zone.zoned($0).description
        }
    }

    /// A Hanoi-zone obligation due every `every` from `start`, with `leads` and `overdue`.
    static func obligation(
        _ id: String,
        every: Period,
        start: String,
        until: String? = nil,
        leads: [Period] = [],
        overdue: Period = .zero
    ) -> Obligation {
        let recurrence = EveryRecurrence(
            start: LocalDateTime(iso: start)!,
            period: every,
            until: until.flatMap { LocalDateTime(iso: $0) },
            zone: hanoi
        )
        return Obligation(
            id: id,
            title: "Title of \(id)",
            zone: hanoi,
            recurrence: recurrence,
            recurrenceDescription: "every \(every) from \(start)",
            reminderLeads: leads,
            overdueEvery: overdue,
            source: SourceLocation(file: path, line: 1)
        )
    }
}

extension TestSupport {
    /// The number of stages of `obligation`: its reminders, the due time, and its overdue repeats in 30 days.
    static func stageCount(_ obligation: Obligation) -> Int {
        let step = obligation.overdueEvery.microseconds ?? 0
        return obligation.reminderLeads.count + 1 + (step > 0 ? Int(ReminderStage.overdueWindowMicroseconds / step) : 0)
    }
}
