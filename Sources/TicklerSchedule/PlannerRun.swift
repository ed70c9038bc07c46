/// The stages `first...last` of one obligation whose next event is at the same due instant.
///
/// For each stage, the next event to fire is at the first due instant at which that stage has not fired yet; the
/// later the stage, the earlier that due instant. Consecutive stages waiting at the same due instant form a run,
/// and an obligation's runs partition its pending stages: a later due instant's run holds earlier stages.
struct PlannerRun: Sendable {
    /// The serial of the run's queue entry.
    var serial: UInt64
    /// The run's first stage: the one that fires next.
    var first: Int32
    /// The run's last stage.
    var last: Int32
    /// The next due instant of the obligation after this one, once asked (``PlannerRun/unknown`` before,
    /// ``PlannerRun/ended`` when there is none), so that the run's stages ask the recurrence once.
    var next: Int64

    /// ``next`` not asked yet.
    static let unknown = Int64.min
    /// No due instant follows.
    static let ended = Int64.max
}
