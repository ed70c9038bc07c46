/// What a yearly lunar date does about a leap month of the same number.
///
/// When a year repeats month 4 (a leap month 4), "day 15 of month 4" can mean the regular month, the leap month or
/// both. Customs keep anniversaries and festivals in the regular month, hence the default.
public enum LeapPolicy: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Only the regular month (the default).
    case skip
    /// The regular month and, in years that have it, the leap month too.
    case also
    /// Only the leap month: nothing in years without that leap month.
    case only

    /// `skip`, `also` or `only`.
    public var description: String { rawValue }

    /// Parses `skip`, `also` or `only`.
    public init(parsing text: String) throws(LunarParseError) {
        guard let policy = LeapPolicy(rawValue: text) else {
            throw LunarParseError(kind: .leapPolicy, text: text, reason: "expected \"skip\", \"also\" or \"only\"")
        }
        self = policy
    }
}
