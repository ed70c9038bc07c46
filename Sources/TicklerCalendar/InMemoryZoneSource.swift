/// A zone source that knows exactly the rules it was given: no files, no environment.
public struct InMemoryZoneSource: ZoneSource, Hashable {
    /// The zones by IANA name.
    public var zones: [String: ZoneRules]
    /// The zone ``systemRules()`` answers.
    public var system: ZoneRules

    /// A source of `zones` (each under its own identifier) whose system zone is `system`, itself known too.
    public init(_ zones: [ZoneRules] = [], system: ZoneRules = .utc) {
        var byName: [String: ZoneRules] = [:]
        for rules in zones + [system] { byName[rules.identifier] = rules }
        self.zones = byName
        self.system = system
    }

    public func rules(for identifier: String) throws(UnknownTimeZone) -> ZoneRules {
        guard let rules = zones[identifier] else { throw UnknownTimeZone(identifier: identifier) }
        return rules
    }

    public func systemRules() -> ZoneRules { system }
}
