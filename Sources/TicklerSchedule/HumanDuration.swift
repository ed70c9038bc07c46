/// Lengths of time in words for messages: `7 days`, `1 day 12 hours`, `90 minutes` reads `1 hour 30 minutes`.
public enum HumanDuration {
    private static let units: [(name: String, seconds: Int64)] = [
        ("day", 86_400), ("hour", 3600), ("minute", 60), ("second", 1),
    ]

    /// The length in at most two units, largest first, dropping what is smaller (`2 days 3 hours`).
    public static func text(microseconds: Int64) -> String {
        var remaining = max(0, microseconds) / 1_000_000
        var parts: [String] = []
        for unit in units where parts.count < 2 {
            let count = remaining / unit.seconds
            if count > 0 {
                parts.append("\(count) \(unit.name)\(count == 1 ? "" : "s")")
                remaining -= count * unit.seconds
            } else if !parts.isEmpty {
                break
            }
        }
        return parts.isEmpty ? "0 seconds" : parts.joined(separator: " ")
    }
}
