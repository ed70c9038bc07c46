/// Runs an attempt within a time limit: past it the attempt's task is cancelled (a program is killed, a request
/// abandoned) and the attempt counts as a temporary failure.
enum Deadline {
    /// The outcome of `attempt`, or a temporary failure naming `what` when it takes longer than `microseconds`.
    static func run(
        _ what: String,
        microseconds: Int64,
        _ attempt: @escaping @Sendable () async -> DeliveryOutcome
    ) async -> DeliveryOutcome {
        await withTaskGroup(of: DeliveryOutcome?.self) { group in
            group.addTask { await attempt() }
            group.addTask {
                try? await Task.sleep(for: .microseconds(microseconds))
                return Task.isCancelled ? nil : .temporary("\(what) timed out after \(microseconds / 1_000_000) s")
            }
            var outcome: DeliveryOutcome = .temporary("\(what) was cancelled")
            if let first = await group.next(), let result = first { outcome = result }
            group.cancelAll()
            return outcome
        }
    }
}
