/// ticklerd could not start: the schedule does not load, or the state cannot be opened.
public struct StartupError: Error, CustomStringConvertible {
    /// The file, directory or database concerned.
    public let location: String
    /// Every problem found, one per line.
    public let problems: [String]
    /// What the operator can do about it, one step per line (how to recover an unusable state file); may be empty.
    public let advice: [String]
    /// Whether the state file is unusable (empty, foreign, newer or damaged): restarting cannot help until the
    /// operator acts, so ticklerd exits with its own status (2) for the unit's `RestartPreventExitStatus=`.
    public let isUnusableStateFile: Bool

    /// An error about `location` listing `problems`, and `advice` on what to do.
    public init(location: String, problems: [String], advice: [String] = [], isUnusableStateFile: Bool = false) {
        self.location = location
        self.problems = problems
        self.advice = advice
        self.isUnusableStateFile = isUnusableStateFile
    }

    /// One line: `cannot start: 2 problems in /etc/tickler`.
    public var summary: String {
        "cannot start: \(problems.count == 1 ? "1 problem" : "\(problems.count) problems") in \(location)"
    }

    /// The summary, then each problem and each line of advice on its own indented line.
    public var description: String {
        ([summary + ":"] + problems.map { "  " + $0 } + advice.map { "  " + $0 }).joined(separator: "\n")
    }
}
