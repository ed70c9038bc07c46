import TicklerCalendar
import TicklerSchedule

/// Obligations and instants the daemon tests share.
enum Fixtures {
    /// Seconds in a day.
    static let day: Int64 = 86_400
    /// When most tests start: 21 September 2027, 08:00 in Hanoi.
    static let start = hanoi(2027, 9, 21)
    /// The greeting's due time: China's national day, 1 October 2027, 08:00 in Hanoi.
    static let greetingDue = hanoi(2027, 10, 1)
    /// The greeting's title.
    static let greetingTitle = "Thư chúc mừng Quốc khánh Trung Quốc"
    /// A one-off greeting with reminders 7 days and 1 day ahead and daily overdue repeats.
    static let greeting = once("greeting-cn", title: greetingTitle, due: greetingDue)

    /// Vietnam's zone, as a fixed +07:00 offset (it has had no DST since 1975).
    static let hanoi = ZoneRules.fixed(offsetSeconds: 7 * 3600, identifier: "Asia/Ho_Chi_Minh")

    /// A wall-clock time in Hanoi.
    static func hanoi(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 8, _ minute: Int = 0) -> Instant {
        hanoi.instant(
            for: LocalDateTime(
                date: CivilDate(unchecked: year, month, day),
                time: TimeOfDay(unchecked: hour, minute, 0)
            )
        )
    }

    /// A one-off obligation due at `due`.
    static func once(
        _ id: String,
        title: String,
        due: Instant,
        remind: [Period] = [Period(7, .day), Period(1, .day)],
        overdueEvery: Period = Period(1, .day)
    ) -> Obligation {
        Obligation(
            id: id,
            title: title,
            zone: hanoi,
            recurrence: OnceRecurrence(at: due),
            recurrenceDescription: "once \(due)",
            reminderLeads: remind,
            overdueEvery: overdueEvery,
            source: SourceLocation(file: "schedule.toml", line: 1)
        )
    }

    /// An obligation due every `period` from `start` (Hanoi wall-clock time).
    static func every(
        _ id: String,
        title: String,
        start: LocalDateTime,
        period: Period,
        remind: [Period] = [Period(7, .day)],
        overdueEvery: Period = Period(1, .day)
    ) -> Obligation {
        Obligation(
            id: id,
            title: title,
            zone: hanoi,
            recurrence: EveryRecurrence(start: start, period: period, zone: hanoi),
            recurrenceDescription: "every \(period) from \(start)",
            reminderLeads: remind,
            overdueEvery: overdueEvery,
            source: SourceLocation(file: "schedule.toml", line: 1)
        )
    }
}
