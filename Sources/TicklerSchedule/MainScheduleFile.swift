public import TicklerCalendar

/// The main file of a configuration directory, `D/schedule.toml`, whose `[defaults]` are the only ones every file
/// shares: the warning ticklerd and `ticklerctl validate` give when it is missing.
///
/// A directory with drop-ins but no `schedule.toml` loads without error, yet every obligation without its own
/// `timezone`, `at`, `remind` or `overdue-every` then takes the built-in value: due times silently move to the
/// system zone. Loading stays valid (a drop-in-only configuration is legitimate); the warning says what changed.
public enum MainScheduleFile {
    /// `D/schedule.toml` for the configuration directory `D` (a trailing `/` is ignored).
    public static func path(in directory: String) -> String {
        (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/schedule.toml"
    }

    /// The warning for the configuration at `configurationPath` when it is a directory without a regular
    /// `schedule.toml`; nil for a single file, a missing path (loading reports that) or a directory that has it.
    /// - Parameters:
    ///   - configurationPath: the file or directory the schedule is read from.
    ///   - systemZone: the zone obligations without a `timezone` fall back to.
    public static func missingWarning(configurationPath: String, systemZone: ZoneRules) -> ScheduleDiagnostic? {
        guard FileSystem.kind(of: configurationPath) == .directory else { return nil }
        let main = path(in: configurationPath)
        guard FileSystem.kind(of: main) != .file else { return nil }
        let leads = ScheduleDefaults.builtInLeads.map { "\"\($0)\"" }.joined(separator: ", ")
        let message =
            "no main schedule file: no shared [defaults] apply, so every obligation without its own keys uses "
            + "the built-in values: timezone = the system zone (\(systemZone.identifier)), "
            + "at = \"\(ScheduleDefaults.builtInTime.shortDescription)\", remind = [\(leads)], "
            + "overdue-every = \"\(ScheduleDefaults.builtInOverdueEvery)\"; restore \(main) if it was removed"
        return ScheduleDiagnostic(file: main, line: nil, column: nil, scope: .file, key: nil, message: message)
    }
}
