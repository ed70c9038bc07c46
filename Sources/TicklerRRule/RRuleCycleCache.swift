import Synchronization

/// The ``RRuleCycle`` of one rule, counted on first use and kept for every later query (the planner asks a rule
/// for its next occurrence again and again; counting a cycle costs up to ``RRuleCycle/budget`` steps).
final class RRuleCycleCache: Sendable {
    /// Nil until counted; then the cycle, or nil when the rule has none worth counting.
    private let state = Mutex<RRuleCycle??>(nil)

    /// The cycle of `plan` (the plan this cache belongs to), counted now when it is the first request.
    func cycle(of plan: RRulePlan) -> RRuleCycle? {
        state.withLock { known in
            if let known { return known }
            let counted = plan.cycle()
            known = .some(counted)
            return counted
        }
    }
}
