public import TicklerCalendar
public import TicklerSchedule

/// What `STATUS=` says: how many obligations, what is next and when, how many are overdue, and a failed reload.
///
/// `12 obligations; next: "Thư chúc mừng Quốc khánh Trung Quốc" reminder in 3 days (2027-09-24 08:00 +07);
/// 1 overdue; reload failed at 2027-09-21 10:42 +07: 2 errors (see journalctl -u ticklerd)`.
public struct DaemonStatus: Sendable, Hashable {
    /// The next event and how to show it.
    public struct Next: Sendable, Hashable {
        /// The obligation's title.
        public var title: String
        /// The event's stage.
        public var stage: ReminderStage
        /// When it fires.
        public var fireAt: Instant
        /// The obligation's zone, in which the time is shown.
        public var zone: ZoneRules

        /// The next event: `stage` of `title`, firing at `fireAt`, shown in `zone`.
        public init(title: String, stage: ReminderStage, fireAt: Instant, zone: ZoneRules) {
            self.title = title
            self.stage = stage
            self.fireAt = fireAt
            self.zone = zone
        }
    }

    /// A reload that failed and left the previous schedule in force.
    public struct ReloadFailure: Sendable, Hashable {
        /// When it failed.
        public var at: Instant
        /// How many problems were found.
        public var errorCount: Int

        /// A failure at `at` with `errorCount` problems.
        public init(at: Instant, errorCount: Int) {
            self.at = at
            self.errorCount = errorCount
        }
    }

    /// The number of obligations in the schedule in force.
    public var obligationCount: Int
    /// The next event, or nil when nothing is left to fire.
    public var next: Next?
    /// The number of obligations with a due time passed without acknowledgement (within the overdue window).
    public var overdueCount: Int
    /// The last reload, if it failed.
    public var reloadFailure: ReloadFailure?
    /// The zone for times not tied to an obligation (the reload failure's).
    public var displayZone: ZoneRules

    /// A status with the given parts.
    public init(
        obligationCount: Int,
        next: Next?,
        overdueCount: Int,
        reloadFailure: ReloadFailure?,
        displayZone: ZoneRules
    ) {
        self.obligationCount = obligationCount
        self.next = next
        self.overdueCount = overdueCount
        self.reloadFailure = reloadFailure
        self.displayZone = displayZone
    }

    /// The one-line text, with the next event's time relative to `now`.
    public func text(now: Instant) -> String {
        var parts = [Self.counted(obligationCount, "obligation")]
        if let next {
            let when = next.zone.zoned(next.fireAt).humanDescription
            parts.append(
                "next: \"\(next.title)\" \(next.stage.eventKind) \(Self.relative(next.fireAt, from: now)) (\(when))"
            )
        } else {
            parts.append("next: none")
        }
        if overdueCount > 0 { parts.append("\(overdueCount) overdue") }
        if let reloadFailure {
            let time = displayZone.zoned(reloadFailure.at).humanDescription
            parts.append(
                "reload failed at \(time): \(Self.counted(reloadFailure.errorCount, "error")) (see journalctl -u ticklerd)"
            )
        }
        return parts.joined(separator: "; ")
    }

    /// `in 3 days`, `in 5 hours`, `in 1 minute`, `now`: the largest whole unit, rounded down.
    static func relative(_ instant: Instant, from now: Instant) -> String {
        let seconds = instant.microseconds(since: now) / 1_000_000
        guard seconds > 0 else { return "now" }
        let units: [(name: String, seconds: Int64)] = [("day", 86_400), ("hour", 3600), ("minute", 60)]
        for unit in units where seconds >= unit.seconds {
            return "in " + counted(Int(seconds / unit.seconds), unit.name)
        }
        return "in " + counted(Int(seconds), "second")
    }

    /// `1 obligation`, `12 obligations`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
