import TicklerCalendar

/// The events of one obligation for each due instant D, as offsets from D in increasing order.
///
/// Stage 0… are the reminders (D − lead, longest lead first), then the due time (D), then the overdue repeats
/// D + k · overdue-every for k = 1… while k · overdue-every ≤ 30 days.
struct StagePlan: Sendable {
    /// How long overdue repeats go on after a due time.
    static let overdueWindowMicroseconds: Int64 = 30 * 86_400 * 1_000_000

    let leads: [Period]
    private let leadMicroseconds: [Int64]
    private let overdueStep: Int64
    private let overdueCount: Int

    init(leads: [Period], overdueEvery: Period) {
        self.leads = leads
        self.leadMicroseconds = leads.map { $0.microseconds ?? 0 }
        let step = overdueEvery.microseconds ?? 0
        self.overdueStep = step
        self.overdueCount = step > 0 ? Int(Self.overdueWindowMicroseconds / step) : 0
    }

    init(_ obligation: Obligation) {
        self.init(leads: obligation.reminderLeads, overdueEvery: obligation.overdueEvery)
    }

    /// The number of stages: reminders, the due time, overdue repeats.
    var count: Int { leads.count + 1 + overdueCount }

    private var dueIndex: Int { leads.count }

    /// The offset of stage `index` from the due instant, in microseconds.
    func offset(_ index: Int) -> Int64 {
        index < dueIndex ? -leadMicroseconds[index] : Int64(index - dueIndex) * overdueStep
    }

    /// The offset of the first stage (the longest lead, or 0).
    var firstOffset: Int64 { offset(0) }

    /// The offset of the last stage (the last overdue repeat, or 0).
    var lastOffset: Int64 { offset(count - 1) }

    /// Stage `index` as the public enum.
    func stage(_ index: Int) -> ReminderStage {
        if index < dueIndex { return .reminder(lead: leads[index]) }
        return index == dueIndex ? .due : .overdue(index - dueIndex)
    }

    /// The first stage of `due` firing strictly after `bound`, or nil when all fire at or before it.
    func firstStage(due: Instant, after bound: Instant) -> Int? {
        let elapsed = bound.microseconds(since: due)
        guard elapsed < lastOffset else { return nil }
        if elapsed < 0 {
            return (0..<dueIndex).first { -leadMicroseconds[$0] > elapsed } ?? dueIndex
        }
        return dueIndex + Int(elapsed / overdueStep) + 1
    }

    /// The last stage of `due` firing at or before `bound`, or nil when none does.
    func lastStage(due: Instant, through bound: Instant) -> Int? {
        let elapsed = bound.microseconds(since: due)
        guard elapsed >= firstOffset else { return nil }
        if elapsed < 0 {
            return (0..<dueIndex).last { -leadMicroseconds[$0] <= elapsed }
        }
        guard overdueStep > 0 else { return dueIndex }
        return dueIndex + min(overdueCount, Int(elapsed / overdueStep))
    }
}
