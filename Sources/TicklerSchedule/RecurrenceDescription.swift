import TicklerCalendar
import TicklerLunar

/// A recurrence as people read it (`every 5y from 2014-12-15 08:00`): text made at load or — for a plain `every`,
/// `lunar` or `solar-term` rule — written from the recurrence's own values when it is read. A daemon shows few of
/// its obligations' descriptions, and writing every one at load was a tenth of the loader's work.
enum RecurrenceDescription: Sendable {
    /// The description, written.
    case text(String)
    /// The description of the ``EveryRecurrence`` it goes with, nothing adjusted or amended.
    case every
    /// The description of the lunar ``DailyRecurrence`` it goes with, nothing adjusted or amended.
    case lunar
    /// The description of the solar-term ``DailyRecurrence`` it goes with, nothing adjusted or amended.
    case solarTerm

    /// The text, given `recurrence`, the recurrence this describes.
    func text(describing recurrence: any Recurrence) -> String {
        switch self {
        case .text(let text): text
        case .every: (recurrence as? EveryRecurrence).map(Self.text(of:)) ?? "every"
        case .lunar: (recurrence as? DailyRecurrence<LunarYearlyRule>).map(Self.text(of:)) ?? "lunar"
        case .solarTerm: (recurrence as? DailyRecurrence<SolarTermRule>).map(Self.text(of:)) ?? "solar-term"
        }
    }

    /// This description with `suffix` added (an adjustment, the amended dates), written out when there is one.
    func appending(_ suffix: String, describing recurrence: any Recurrence) -> RecurrenceDescription {
        suffix.isEmpty ? self : .text(text(describing: recurrence) + suffix)
    }

    /// `every 1y from 2014-12-15 08:00 until 2034-12-31`.
    static func text(of every: EveryRecurrence) -> String {
        "every \(every.period) from \(RecurrenceBuilder.text(every.start))" + RecurrenceBuilder.untilText(every.until)
    }

    /// `lunar 8-15 (vietnamese, leap both) at 08:00 from 2016-01-01 until 2030-12-31`.
    static func text(of lunar: DailyRecurrence<LunarYearlyRule>) -> String {
        let rule = lunar.rule
        let leap = rule.leap == .skip ? "" : ", leap \(rule.leap)"
        return "lunar \(rule.monthDay) (\(rule.calendar.kind)\(leap))" + at(lunar)
    }

    /// `solar-term thanh-minh (vietnamese) at 08:00`.
    static func text(of solarTerm: DailyRecurrence<SolarTermRule>) -> String {
        "solar-term \(solarTerm.rule.term) (\(solarTerm.rule.calendar))" + at(solarTerm)
    }

    /// ` at 08:00 from 2016-01-01 00:00 until 2030-12-31`.
    private static func at<Rule: DateRule>(_ recurrence: DailyRecurrence<Rule>) -> String {
        " at \(recurrence.time.shortDescription)"
            + (recurrence.start.map { " from \(RecurrenceBuilder.text($0))" } ?? "")
            + RecurrenceBuilder.untilText(recurrence.until)
    }
}
