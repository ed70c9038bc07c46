import TicklerCalendar

/// The events of one obligation for each due instant D, as offsets from D in strictly increasing order.
///
/// Stage 0… are the reminders (D − lead, longest lead first), then the due time (D), then the overdue repeats
/// D + k · overdue-every for k = 1… while k · overdue-every ≤ ``ReminderStage/overdueWindowMicroseconds``.
/// The offsets are computed, never stored per repeat, so an obligation with `overdue-every = "1s"` (2,592,000
/// repeats) costs no more memory than one without.
struct StagePlan: Sendable {
    /// How long overdue repeats go on after a due time (the one definition is ``ReminderStage``'s).
    static var overdueWindowMicroseconds: Int64 { ReminderStage.overdueWindowMicroseconds }

    let leads: [Period]
    /// The interval of overdue repeats the plan was made for.
    let overdueEvery: Period
    private let leadMicroseconds: [Int64]
    private let overdueStep: Int64
    private let overdueCount: Int

    init(leads: [Period], overdueEvery: Period) {
        self.leads = leads
        self.overdueEvery = overdueEvery
        self.leadMicroseconds = leads.map { $0.microseconds ?? 0 }
        let step = overdueEvery.microseconds ?? 0
        self.overdueStep = step
        self.overdueCount = step > 0 ? Int(Self.overdueWindowMicroseconds / step) : 0
    }

    init(_ obligation: Obligation) {
        self.init(leads: obligation.reminderLeads, overdueEvery: obligation.overdueEvery)
    }

    /// The plans of `obligations`, in order; consecutive obligations with the same leads and overdue interval (as
    /// `[defaults]` gives them) share one plan's storage.
    static func plans(of obligations: [Obligation]) -> [StagePlan] {
        var plans: [StagePlan] = []
        plans.reserveCapacity(obligations.count)
        for index in obligations.indices {
            let leads = obligations[index].reminderLeads
            let overdueEvery = obligations[index].overdueEvery
            if let last = plans.last, last.leads == leads, last.overdueEvery == overdueEvery {
                plans.append(last)
            } else {
                plans.append(StagePlan(leads: leads, overdueEvery: overdueEvery))
            }
        }
        return plans
    }

    /// The number of stages: reminders, the due time, overdue repeats.
    var count: Int { leads.count + 1 + overdueCount }

    /// The index of the due-time stage.
    var dueIndex: Int { leads.count }

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

    /// The index of `stage` in this plan, or nil when the plan has no such stage (a lead it does not have, an
    /// overdue repeat beyond the window).
    func index(of stage: ReminderStage) -> Int? {
        switch stage {
        case .reminder(let lead):
            return leadMicroseconds.firstIndex(of: lead.microseconds ?? -1)
        case .due:
            return dueIndex
        case .overdue(let repeatNumber):
            return repeatNumber >= 1 && repeatNumber <= overdueCount ? dueIndex + repeatNumber : nil
        }
    }

    /// The first stage of the due instant `due` (microseconds) firing strictly after `bound`, or nil when all fire
    /// at or before it. O(log stages).
    func firstStage(due: Int64, after bound: Int64) -> Int? {
        let index = partition { due + offset($0) > bound }
        return index < count ? index : nil
    }

    /// The last stage of the due instant `due` (microseconds) firing at or before `bound`, or nil when none does.
    /// O(log stages).
    func lastStage(due: Int64, through bound: Int64) -> Int? {
        let index = partition { due + offset($0) > bound }
        return index > 0 ? index - 1 : nil
    }

    /// The first stage index for which `isAfter` holds, or ``count``; `isAfter` must be false up to some index and
    /// true from it on (the offsets increase, so "fires after a bound" is such a predicate).
    private func partition(_ isAfter: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            if isAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
