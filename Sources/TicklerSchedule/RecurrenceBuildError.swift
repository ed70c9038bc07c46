/// Why a ``RecurrenceSpec`` gives no recurrence: every problem found, each under the key it concerns.
public struct RecurrenceBuildError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One problem with one key.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The key, such as `every` or `start`, or nil for a problem with the combination.
        public let key: String?
        /// What is wrong, naming the bad part.
        public let message: String

        /// A problem with `key`.
        public init(key: String?, message: String) {
            self.key = key
            self.message = message
        }

        /// `key "every": …`, as the loader's diagnostics name keys.
        public var description: String { key.map { "key \"\($0)\": \(message)" } ?? message }

        /// `--every: …`, as `ticklerctl calendar` names its options.
        public var commandLineDescription: String {
            key.map { "\(RecurrenceSpec.option(for: $0)): \(message)" } ?? message
        }
    }

    /// The problems, in the order found; empty when only keys without a value (already reported) stood in the way.
    public let problems: [Problem]

    /// An error with `problems`.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// The problems, one per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
