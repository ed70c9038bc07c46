import Foundation
import Testing
import TicklerCalendar
import TicklerOnCalendar
import TicklerPlatform

/// Runs `systemd-analyze calendar` on this machine, when it has one, for the fixture's specifications at base
/// times the fixture does not hold, and compares.
@Suite(
    "OnCalendar against the local systemd-analyze",
    .enabled(if: LiveSystemd.executable != nil, "no systemd-analyze")
)
struct LiveSystemdTests {
    /// Every 10th valid fixture case, moved 97 days and 1234 seconds later.
    static let cases: [SystemdCase] = SystemdCase.all.enumerated().compactMap { index, fixture in
        guard index % 10 == 0, fixture.valid else { return nil }
        return SystemdCase(
            tz: fixture.tz,
            spec: fixture.spec,
            base: fixture.base + 97 * 86_400 + 1234,
            valid: true,
            normalized: fixture.normalized,
            next: nil
        )
    }

    @Test(arguments: cases)
    func sameElapsesAsTheLocalSystemd(_ fixture: SystemdCase) throws {
        let expected = try LiveSystemd.elapses(fixture.spec, base: fixture.base, zone: fixture.tz)
        let rules = try ZoneDatabase.shared.rules(for: fixture.tz)
        let recurrence = try CalendarEventRecurrence(parsing: fixture.spec, zone: rules, zones: ZoneDatabase.shared)
        let elapses = recurrence.occurrences(
            after: Instant(secondsSinceEpoch: fixture.base),
            limit: LiveSystemd.iterations
        )
        if let expected {
            #expect(elapses.map(\.secondsSinceEpoch) == expected)
        } else {
            // systemd gave up on one of the elapses (the spec itself is valid): the sequence ends early here too.
            #expect(elapses.count < LiveSystemd.iterations)
        }
    }
}

/// Calls `systemd-analyze calendar` and reads the elapses it prints.
enum LiveSystemd {
    static let iterations = 6

    static let executable: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The elapses in Unix seconds, or nil when systemd-analyze fails (rejects the specification or gives up).
    static func elapses(_ spec: String, base: Int64, zone: String) throws -> [Int64]? {
        guard let executable else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["calendar", "--iterations=\(iterations)", "--base-time=@\(base)", spec]
        process.environment = ["TZ": zone, "LC_ALL": "C", "SYSTEMD_COLORS": "0", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        // Each elapse is a "Next elapse:"/"Iter. #n:" line, followed by an "(in UTC):" line unless TZ is UTC.
        var stamps: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("Next elapse:") || text.hasPrefix("Iter. #") {
                if value != "never" { stamps.append(value) }
            } else if text.hasPrefix("(in UTC):"), !stamps.isEmpty {
                stamps[stamps.count - 1] = value
            }
        }
        return stamps.compactMap(parseUTC)
    }

    /// `Wed 2023-11-15 12:00:01 UTC` → Unix seconds.
    private static func parseUTC(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 4, parts[3] == "UTC", let local = LocalDateTime(iso: "\(parts[1])T\(parts[2])") else {
            return nil
        }
        return local.localSeconds
    }
}
