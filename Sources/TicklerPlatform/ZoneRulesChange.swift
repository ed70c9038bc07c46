/// What a ``ZoneDatabase/refresh()`` found changed: the system zone, the rules of zones in use, or both.
public struct ZoneRulesChange: Hashable, Sendable, CustomStringConvertible {
    /// The system zone before the refresh.
    public let previousSystemZone: String
    /// The system zone now.
    public let systemZone: String
    /// The zones in use whose rules differ from those read before (or that can no longer, or again, be read).
    public let updatedZones: [String]

    /// A change from `previousSystemZone` to `systemZone`, with `updatedZones` read anew.
    public init(previousSystemZone: String, systemZone: String, updatedZones: [String]) {
        self.previousSystemZone = previousSystemZone
        self.systemZone = systemZone
        self.updatedZones = updatedZones
    }

    /// `system time zone changed from Asia/Ho_Chi_Minh to Europe/Berlin`, `new rules for Europe/Berlin`, or both.
    public var description: String {
        var parts: [String] = []
        if previousSystemZone != systemZone {
            parts.append("system time zone changed from \(previousSystemZone) to \(systemZone)")
        }
        if !updatedZones.isEmpty { parts.append("new rules for " + updatedZones.joined(separator: ", ")) }
        return parts.isEmpty ? "time zone rules changed" : parts.joined(separator: "; ")
    }
}
